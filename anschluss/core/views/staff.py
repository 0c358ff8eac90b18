"""Pages for the municipal coordination: the audit log and the accessibility feedback inbox."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from ..forms import AuditFilterForm
from ..models import AccessibilityFeedback, AuditEntry
from ..permissions import permission_required
from ..services import do_mark_feedback_handled


@require_safe
@permission_required("core.view_auditlog")
def audit_log(request, municipality: str):
    form = AuditFilterForm(request.GET or None)
    entries = AuditEntry.objects.select_related("actor")
    if form.is_bound and form.is_valid():
        entries = form.filter(entries)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "core/audit_log.html", {"form": form, "page": page, "query": query.urlencode()})


@require_safe
@permission_required("core.view_accessibilityfeedback")
def feedback_inbox(request, municipality: str):
    show_handled = request.GET.get("handled") == "1"
    reports = AccessibilityFeedback.objects.filter(handled=show_handled)
    page = Paginator(reports, 25).get_page(request.GET.get("page"))
    return render(request, "core/feedback_inbox.html", {"page": page, "show_handled": show_handled})


@require_POST
@permission_required("core.change_accessibilityfeedback")
def feedback_mark_handled(request, municipality: str, pk: int):
    feedback = get_object_or_404(AccessibilityFeedback, pk=pk)
    do_mark_feedback_handled(feedback, actor=request.user)
    messages.success(request, _("The report is marked as handled."))
    return redirect("core:feedback_inbox", municipality=request.municipality.slug)
