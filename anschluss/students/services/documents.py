"""The document library, the CV and cover letters. Files are checked by content and stored outside the web
root (MEDIA_ROOT under var/); they are served only through views that check students.view_document."""

from django.core.exceptions import ValidationError  # raised by uploads.check_upload, turned into ServiceError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from anschluss.core.audit import log_action
from anschluss.core.services import ServiceError, require

from ..models import CoverLetter, CurriculumVitae, CvEntry, Document, Student
from ..uploads import IMAGE_TYPES, check_upload


def _checked(upload, *, field: str, **limits) -> str:
    """The content type of an upload that passes uploads.check_upload; a refusal as ServiceError at `field`."""
    try:
        return check_upload(upload, **limits)
    except ValidationError as exc:
        raise ServiceError(" ".join(exc.messages), field=field) from None


def store_upload(student: Student, upload, *, kind: str, title: str, actor, field: str = "file") -> Document:
    """Check an uploaded file (size, type by magic bytes) and add it to the library. Callers check permissions.
    A bad file raises ServiceError at `field`."""
    content_type = _checked(upload, field=field)
    document = Document(
        municipality=student.municipality,
        student=student,
        kind=kind,
        title=title,
        content_type=content_type,
        size=upload.size,
    )
    document.file.save("upload", upload, save=False)
    document.save()
    log_action(actor, "students.document.upload", document, {"kind": kind, "size": upload.size})
    return document


@transaction.atomic
def do_upload_document(student: Student, *, kind: str, title: str, upload, actor) -> Document:
    """Upload into the student's own library (students.edit_profile). Raises ServiceError for bad files."""
    require(actor, "students.edit_profile", student)
    if kind not in Document.Kind.values:
        raise ServiceError(_("Please choose from the list."), field="kind")
    return store_upload(student, upload, kind=kind, title=title, actor=actor)


@transaction.atomic
def do_store_pdf(student: Student, *, kind: str, title: str, pdf: bytes, actor) -> Document:
    """Put a PDF made by Anschluss (CV, cover letter, portfolio) into the library (students.edit_profile)."""
    require(actor, "students.edit_profile", student)
    document = Document(
        municipality=student.municipality,
        student=student,
        kind=kind,
        title=title,
        content_type="application/pdf",
        size=len(pdf),
    )
    document.file.save("generated.pdf", ContentFile(pdf), save=False)
    document.save()
    log_action(actor, "students.document.create", document, {"kind": kind})
    return document


@transaction.atomic
def do_delete_document(document: Document, *, actor) -> None:
    """The student removes a file from their library; the file is deleted too (students.edit_profile)."""
    require(actor, "students.edit_profile", document.student)
    log_action(actor, "students.document.delete", document, {"kind": document.kind})
    document.file.delete(save=False)
    document.delete()


def cv_of(student: Student) -> CurriculumVitae:
    """The student's CV, unsaved and empty if they have not started one."""
    try:
        return student.cv
    except CurriculumVitae.DoesNotExist:
        return CurriculumVitae(municipality=student.municipality, student=student)


@transaction.atomic
def do_save_cv(student: Student, *, fields: dict, actor) -> CurriculumVitae:
    """Save one step of the CV builder (students.edit_profile)."""
    require(actor, "students.edit_profile", student)
    cv = cv_of(student)
    allowed = {f.name for f in CurriculumVitae._meta.get_fields()} - {
        "id",
        "student",
        "municipality",
        "photo",
    }
    for name, value in fields.items():
        if name not in allowed:
            raise ValueError(name)
        setattr(cv, name, value)
    cv.save()
    log_action(actor, "students.cv.update", cv, {"fields": sorted(fields)})
    return cv


@transaction.atomic
def do_set_cv_photo(student: Student, *, upload, actor) -> CurriculumVitae:
    """Add or replace the (optional) CV photo: JPEG or PNG, at most the upload limit (students.edit_profile)."""
    require(actor, "students.edit_profile", student)
    content_type = _checked(upload, field="photo", allowed=IMAGE_TYPES)
    cv = cv_of(student)
    if cv.photo:
        cv.photo.delete(save=False)
    cv.photo.save("photo", upload, save=False)
    cv.photo_content_type = content_type
    cv.save()
    log_action(actor, "students.cv.photo", cv)
    return cv


@transaction.atomic
def do_remove_cv_photo(student: Student, *, actor) -> None:
    require(actor, "students.edit_profile", student)
    cv = cv_of(student)
    if cv.pk and cv.photo:
        cv.photo.delete(save=False)
        cv.photo_content_type = ""
        cv.save()
        log_action(actor, "students.cv.photo_remove", cv)


@transaction.atomic
def do_save_cv_entry(student: Student, *, entry: CvEntry | None = None, fields: dict, actor) -> CvEntry:
    """Add a line to the CV table, or change one (students.edit_profile)."""
    require(actor, "students.edit_profile", student)
    cv = cv_of(student)
    if cv.pk is None:
        cv.save()
    if entry is None:
        entry = CvEntry(municipality=student.municipality, cv=cv)
    elif entry.cv_id != cv.pk:
        raise ValueError("entry of another CV")
    for name, value in fields.items():
        setattr(entry, name, value)
    entry.save()
    log_action(actor, "students.cventry.save", entry, {"section": entry.section})
    return entry


@transaction.atomic
def do_delete_cv_entry(entry: CvEntry, *, actor) -> None:
    require(actor, "students.edit_profile", entry.cv.student)
    log_action(actor, "students.cventry.delete", entry)
    entry.delete()


@transaction.atomic
def do_save_cover_letter(
    student: Student, *, letter: CoverLetter | None = None, fields: dict, actor
) -> CoverLetter:
    """Write or change a cover letter (students.edit_profile)."""
    require(actor, "students.edit_profile", student)
    if letter is None:
        letter = CoverLetter(municipality=student.municipality, student=student)
    elif letter.student_id != student.pk:
        raise ValueError("letter of another student")
    for name, value in fields.items():
        setattr(letter, name, value)
    letter.save()
    log_action(actor, "students.coverletter.save", letter)
    return letter


@transaction.atomic
def do_delete_cover_letter(letter: CoverLetter, *, actor) -> None:
    require(actor, "students.edit_profile", letter.student)
    log_action(actor, "students.coverletter.delete", letter)
    letter.delete()
