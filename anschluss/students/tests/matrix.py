"""Permission matrix of the students app. Objects come from tests/world.py: the student persona in class 9b,
taught by the teacher persona, at the school of the school coordinator persona; the guardian persona linked.

`personal=True` marks the pages that show a student's name with personal data to someone else: the school's
class overview and student record, the guardians' pages, and the pages the student shares with them
(consents, documents, the question before a milestone is deleted). Each of them logs a read on every answer,
whoever reads it (views/common.py), and none of them opens to the platform admin. The student's own space
("me/…", the `own` rows) shows the student only their own data, logs no read and is not marked. Pages that show
a name without further data (the forms to add a milestone or to erase a student) are not marked either.
"""

from anschluss.testing.matrix import Row, everyone, municipal

from .world import school_world


def _main(world) -> dict:
    school_world(world)
    return {"municipality": world.main.slug}


def _with(attr: str, **extra):
    def kwargs(world) -> dict:
        objects = school_world(world)
        return {"municipality": world.main.slug, "pk": getattr(objects, attr).pk, **extra}

    return kwargs


SCHOOL = ["teacher", "school_coordinator"]
STUBO = ["school_coordinator"]
STUBOS = ["school_coordinator", "other_school_coordinator"]
FAMILY = ["student", "guardian"]
GET_ONLY = everyone(405)
# The answer "yes" of a confirm page (views/confirm.py). A GET asks the question and deletes nothing (200),
# even with these parameters in its query string; only a POST with them goes ahead.
YES = {"confirm": "yes"}


def own(name: str, get: int | None = 200, post: int | None = None, **extra) -> Row:
    """A page of the student's own space: only the student persona gets in."""
    return Row(
        f"students:{name}",
        get=municipal(["student"], ok=get) if get else everyone(405),
        post=municipal(["student"], ok=post) if post else everyone(405),
        kwargs=extra.pop("kwargs", _main),
        data=extra.pop("data", {}),
    )


ROWS = [
    # Sign-up with a code: open to everyone; an empty form comes back with its errors.
    Row("students:join", get=everyone(200), post=everyone(200), kwargs=_main),
    Row("students:guardian_join", get=everyone(200), post=everyone(200), kwargs=_main),
    # The school's workbench
    # Class names and counts, no student's name. Platform admins teach no class and do not get it.
    Row(
        "students:class_list",
        get=municipal([*SCHOOL, "other_school_coordinator"]),
        post=GET_ONLY,
        kwargs=_main,
    ),
    Row("students:class_create", get=municipal(STUBOS), post=municipal(STUBOS), kwargs=_main),
    Row(
        "students:class_detail",
        get=municipal(SCHOOL),
        post=GET_ONLY,
        kwargs=_with("own_class"),
        personal=True,
    ),
    Row("students:class_edit", get=municipal(STUBO), post=municipal(STUBO), kwargs=_with("own_class")),
    Row(
        "students:class_xlsx",
        get=municipal(SCHOOL),
        post=GET_ONLY,
        kwargs=_with("own_class"),
        personal=True,
    ),
    Row("students:class_codes", get=GET_ONLY, post=municipal(STUBO), kwargs=_with("own_class")),
    Row("students:guardian_letters", get=GET_ONLY, post=municipal(STUBO), kwargs=_with("own_class")),
    Row("students:student_add", get=municipal(STUBO), post=municipal(STUBO), kwargs=_with("own_class")),
    Row("students:import", get=municipal(STUBOS), post=municipal(STUBOS), kwargs=_main),
    Row(
        "students:student_detail",
        get=municipal(SCHOOL),
        post=GET_ONLY,
        kwargs=_with("student"),
        personal=True,
    ),
    Row("students:student_code", get=GET_ONLY, post=municipal(STUBO, ok=302), kwargs=_with("student")),
    Row(
        "students:school_milestone_add",
        get=municipal(SCHOOL),
        post=municipal(SCHOOL),
        kwargs=_with("student"),
    ),
    Row("students:teacher_strength", get=GET_ONLY, post=municipal(SCHOOL, ok=302), kwargs=_with("student")),
    Row("students:guardian_invite", get=GET_ONLY, post=municipal(SCHOOL, ok=302), kwargs=_with("student")),
    Row(
        "students:student_erase",
        get=municipal(STUBO),
        post=municipal(STUBO, ok=302),
        kwargs=_with("student"),
        data=YES,
    ),
    Row(
        "students:milestone_confirm", get=GET_ONLY, post=municipal(SCHOOL, ok=302), kwargs=_with("milestone")
    ),
    Row(
        "students:consent_policy",
        get=municipal(["coordinator", "platform_admin"]),
        post=municipal(["coordinator", "platform_admin"]),
        kwargs=_main,
    ),
    # Shared by the student, guardians and the school
    Row(
        "students:milestone_delete",
        get=municipal(["student", *SCHOOL]),
        post=municipal(["student", *SCHOOL], ok=302),
        kwargs=_with("milestone"),
        data=YES,
        personal=True,
    ),
    Row(
        "students:document_download",
        get=municipal([*FAMILY, *SCHOOL]),
        post=GET_ONLY,
        kwargs=_with("document"),
        personal=True,
    ),
    Row(
        "students:consents",
        get=municipal(FAMILY),
        post=municipal(FAMILY, ok=302),
        kwargs=_with("student"),
        personal=True,
    ),
    Row(
        "students:consent_revoke",
        get=municipal(FAMILY),
        post=municipal(FAMILY, ok=302),
        kwargs=_with("consent"),
        data=YES,
    ),
    Row(
        "students:child",
        get=municipal(["guardian"]),
        post=GET_ONLY,
        kwargs=_with("student"),
        personal=True,
    ),
    # The guardian's download of the child's data export; the student uses /me/data/ (own rows below).
    Row(
        "students:child_data_json",
        get=municipal(["guardian"]),
        post=GET_ONLY,
        kwargs=_with("student"),
        personal=True,
    ),
    Row(
        "students:child_data_pdf",
        get=municipal(["guardian"]),
        post=GET_ONLY,
        kwargs=_with("student"),
        personal=True,
    ),
    # The student's own space
    own("milestones"),
    own("milestone_add", post=200),
    own("quiz"),
    own("quiz_page", post=200, kwargs=lambda world: {**_main(world), "page": 1}),
    own("quiz_save", get=None, post=400),
    # The quiz is half done: the result page sends the student back to it.
    own("quiz_result", get=302),
    own("quiz_reset", post=302, data=YES),
    own("strengths", post=302),
    own("cv"),
    own("cv_photo", get=404),
    # Without a photo there is nothing to ask about: both go back to the photo step.
    own("cv_photo_remove", get=302, post=302, data=YES),
    own("cv_pdf"),
    own("cv_to_library", get=None, post=302),
    own("cv_entry_edit", post=200, kwargs=_with("entry")),
    own("cv_entry_delete", post=302, kwargs=_with("entry"), data=YES),
    own("cv_step", post=302, kwargs=lambda world: {**_main(world), "step": "personal"}),
    own("letters"),
    own("letter_create", post=200),
    own("letter_edit", post=200, kwargs=_with("letter")),
    own("letter_pdf", kwargs=_with("letter")),
    own("letter_to_library", get=None, post=302, kwargs=_with("letter")),
    own("letter_delete", post=302, kwargs=_with("letter"), data=YES),
    own("documents", post=200),
    own("document_delete", post=302, kwargs=_with("document"), data=YES),
    own("sharing", post=302),
    own("portfolio"),
    own("portfolio_pdf"),
    own("my_data"),
    own("data_json"),
    own("data_pdf"),
    own("erase_me", post=200),
]
