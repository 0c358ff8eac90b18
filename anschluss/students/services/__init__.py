"""Writes of the students app: every do_* function checks its permission, writes atomically and logs.

Split by sub-concept: classes (classes, students, sign-up codes), importing (SchILD/CSV import), milestones,
profile (interests, strengths, sharing), documents (library, CV, cover letters), consent (guardians,
consents, the municipality's rule) and rights (data export, erasure, retention). Callers import the do_*
functions from here, as in every app; the periodic tasks sit beside their services, and importing this package
registers them with Celery.
"""

from .classes import (
    do_add_student,
    do_create_class,
    do_issue_signup_code,
    do_prepare_code_sheet,
    do_sign_up_student,
    do_update_class,
)
from .consent import (
    do_accept_guardian_invitation,
    do_decide_consent,
    do_invite_guardian,
    do_revoke_consent,
    do_update_consent_policy,
)
from .documents import (
    do_delete_cover_letter,
    do_delete_cv_entry,
    do_delete_document,
    do_remove_cv_photo,
    do_save_cover_letter,
    do_save_cv,
    do_save_cv_entry,
    do_set_cv_photo,
    do_store_pdf,
    do_upload_document,
)
from .importing import (
    do_import_students,
)
from .milestones import (
    do_confirm_milestone,
    do_delete_milestone,
    do_record_milestone,
)
from .profile import (
    do_add_teacher_strength,
    do_reset_interests,
    do_save_interest_answers,
    do_set_own_strengths,
    do_update_sharing,
)
from .rights import (
    apply_retention_everywhere,
    do_erase_student,
)

__all__ = [
    "apply_retention_everywhere",
    "do_accept_guardian_invitation",
    "do_add_student",
    "do_add_teacher_strength",
    "do_confirm_milestone",
    "do_create_class",
    "do_decide_consent",
    "do_delete_cover_letter",
    "do_delete_cv_entry",
    "do_delete_document",
    "do_delete_milestone",
    "do_erase_student",
    "do_import_students",
    "do_invite_guardian",
    "do_issue_signup_code",
    "do_prepare_code_sheet",
    "do_record_milestone",
    "do_remove_cv_photo",
    "do_reset_interests",
    "do_revoke_consent",
    "do_save_cover_letter",
    "do_save_cv",
    "do_save_cv_entry",
    "do_save_interest_answers",
    "do_set_cv_photo",
    "do_set_own_strengths",
    "do_sign_up_student",
    "do_store_pdf",
    "do_update_class",
    "do_update_consent_policy",
    "do_update_sharing",
    "do_upload_document",
]
