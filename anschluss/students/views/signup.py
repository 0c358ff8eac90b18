"""Sign-up with a one-time code: students with the code from their class's sheet (no e-mail needed), guardians
with the code from their letter."""

from django.contrib import messages
from django.contrib.auth import login
from django.core.cache import cache
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from anschluss.core.services import ServiceError

from ..forms.signup import CodeForm, GuardianCodeForm, GuardianJoinForm, StudentAccountForm
from ..services.classes import do_sign_up_student, student_for_code, suggested_username
from ..services.common import normalise_code
from ..services.consent import do_accept_guardian_invitation, invitation_for_code

BACKEND = "django.contrib.auth.backends.ModelBackend"
# Wrong codes per address and hour before the form stops trying (codes have 31^8 values; this keeps guessing
# from being a pastime).
MAX_FAILURES = 20


def _client(request) -> str:
    return "students-code-failures:" + request.META.get("REMOTE_ADDR", "")


def _too_many_failures(request) -> bool:
    return cache.get(_client(request), 0) >= MAX_FAILURES


def _count_failure(request) -> None:
    key = _client(request)
    cache.add(key, 0, 3600)
    cache.incr(key)


@require_http_methods(["GET", "POST"])
def join(request, municipality: str):
    """Step 1: the code. Step 2 (same address, the code carried in the form): username and password."""
    if request.method == "POST" and "username" in request.POST:
        form = StudentAccountForm(request.POST)
        student = student_for_code(request.POST.get("code", ""))
        if student is None:
            messages.error(request, _("This code does not work. Check it or ask your teacher for a new one."))
            return redirect("students:join", municipality=municipality)
        if form.is_valid():
            try:
                user = do_sign_up_student(
                    form.cleaned_data["code"],
                    username=form.cleaned_data["username"],
                    password=form.cleaned_data["password1"],
                    actor=request.user,
                )
            except ServiceError as error:
                error.add_to_form(form)
            else:
                login(request, user, backend=BACKEND)
                messages.success(
                    request,
                    _("Welcome! Your account is ready. Your username is %(name)s.") % {"name": user.username},
                )
                return redirect("accounts:municipality_start", municipality=municipality)
        return render(request, "students/signup/account.html", {"form": form, "student": student})
    code_form = CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and code_form.is_valid():
        if _too_many_failures(request):
            code_form.add_error("code", _("Too many wrong codes. Please wait an hour or ask your teacher."))
        else:
            student = student_for_code(code_form.cleaned_data["code"])
            if student is None:
                _count_failure(request)
                code_form.add_error(
                    "code", _("This code does not work. Check it or ask your teacher for a new one.")
                )
            else:
                account_form = StudentAccountForm(
                    initial={
                        "code": normalise_code(code_form.cleaned_data["code"]),
                        "username": suggested_username(student),
                    }
                )
                return render(
                    request, "students/signup/account.html", {"form": account_form, "student": student}
                )
    return render(request, "students/signup/code.html", {"form": code_form})


@require_http_methods(["GET", "POST"])
def guardian_join(request, municipality: str):
    """Guardians: a new account from the letter's code, or (signed in) link another child."""
    signed_in = request.user.is_authenticated
    form_class = GuardianCodeForm if signed_in else GuardianJoinForm
    form = form_class(
        request.POST if request.method == "POST" else None, initial={"code": request.GET.get("code", "")}
    )
    if request.method == "POST" and form.is_valid():
        if _too_many_failures(request):
            form.add_error("code", _("Too many wrong codes. Please wait an hour."))
        elif invitation_for_code(form.cleaned_data["code"]) is None:
            _count_failure(request)
            form.add_error("code", _("This code does not work. Check it or ask the school for a new letter."))
        else:
            data = form.cleaned_data
            try:
                user = do_accept_guardian_invitation(
                    data["code"],
                    actor=request.user,
                    email=data.get("email", ""),
                    password=data.get("password1", ""),
                    first_name=data.get("first_name", ""),
                    last_name=data.get("last_name", ""),
                )
            except ServiceError as error:
                error.add_to_form(form)
            else:
                if not signed_in:
                    login(request, user, backend=BACKEND)
                messages.success(request, _("You are now linked to your child's career orientation."))
                return redirect("accounts:municipality_start", municipality=municipality)
    return render(request, "students/signup/guardian.html", {"form": form, "signed_in": signed_in})
