"""Checks for uploaded files: the size limit and the type, judged by the file's first bytes, not its name."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.utils.translation import gettext_lazy as _

SIGNATURES = [
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
]
IMAGE_TYPES = frozenset({"image/png", "image/jpeg"})


def sniff(head: bytes) -> str | None:
    """The content type the first bytes announce, or None for anything we do not accept."""
    for signature, content_type in SIGNATURES:
        if head.startswith(signature):
            return content_type
    return None


def check_upload(upload, *, allowed: frozenset[str] | None = None) -> str:
    """Raise ValidationError unless the file is small enough and of an allowed type; return its content type."""
    limit = settings.STUDENTS_UPLOAD_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The file is too big. It may have at most %(mb)s MB."), params={"mb": limit // (1024 * 1024)}
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."))
    upload.seek(0)
    content_type = sniff(upload.read(16))
    upload.seek(0)
    allowed = allowed or frozenset(settings.STUDENTS_UPLOAD_TYPES)
    if content_type is None or content_type not in allowed:
        if allowed <= IMAGE_TYPES:
            raise ValidationError(_("Please upload a photo as JPEG or PNG."))
        raise ValidationError(_("Please upload a PDF, JPEG or PNG file."))
    return content_type


def serve(file_field, content_type: str, filename: str, *, inline: bool = False) -> FileResponse:
    """Send a stored file through a view (never from the web root), not cacheable by anyone."""
    try:
        handle = file_field.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    response = FileResponse(handle, content_type=content_type, as_attachment=not inline, filename=filename)
    response["Cache-Control"] = "no-store"
    response.private_data = True  # type: ignore[attr-defined]
    return response
