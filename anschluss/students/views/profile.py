"""The student's strengths: their own choice, next to what teachers named."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ..forms.profile import StrengthsForm
from ..models import Strength
from ..services.profile import do_set_own_strengths
from .common import own_student


@require_http_methods(["GET", "POST"])
@own_student
def strengths(request, municipality: str, student):
    own = list(student.strengths.filter(source=Strength.Source.STUDENT).values_list("key", flat=True))
    form = StrengthsForm(request.POST if request.method == "POST" else None, initial={"keys": own})
    if request.method == "POST" and form.is_valid():
        do_set_own_strengths(student, form.cleaned_data["keys"], actor=request.user)
        messages.success(request, _("Your strengths are saved."))
        return redirect("students:strengths", municipality=municipality)
    from_teachers = student.strengths.filter(source=Strength.Source.TEACHER).select_related("author")
    return render(request, "students/me/strengths.html", {"form": form, "from_teachers": from_teachers})
