"""Everyone's inbox: the notifications of `core.notifications`, newest first, unread ones marked as new."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST, require_safe

from ..models import Notification
from ..permissions import permission_required
from ..services import do_mark_notifications_read


@require_safe
@permission_required("core.view_inbox")
def inbox(request, municipality: str):
    notes = Notification.objects.filter(user=request.user)
    page = Paginator(notes, 25).get_page(request.GET.get("page"))
    unread = notes.filter(read_at__isnull=True).count()
    return render(request, "core/inbox.html", {"page": page, "unread": unread})


@require_safe
@permission_required("core.view_inbox")
def open_notification(request, municipality: str, pk: int):
    """Mark one's own notification as read and follow its link (back to the inbox if it has none)."""
    note = get_object_or_404(Notification, pk=pk, user=request.user)
    do_mark_notifications_read(actor=request.user, notification=note)
    if note.url and url_has_allowed_host_and_scheme(note.url, allowed_hosts={request.get_host()}):
        return redirect(note.url)
    return redirect("core:inbox", municipality=municipality)


@require_POST
@permission_required("core.view_inbox")
def mark_all_read(request, municipality: str):
    do_mark_notifications_read(actor=request.user)
    return redirect("core:inbox", municipality=municipality)
