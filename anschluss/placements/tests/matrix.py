"""Permission matrix rows of the placements app: every URL pattern × persona × GET/POST.

The platform admin gets only what placements/rules.py grants by name: the list of rounds. Rows marked
`personal=True` show students' names with personal data: each 200 must log a read, and the platform admin
never gets one."""

from django_scopes import scopes_disabled

from anschluss.testing.matrix import Row, everyone, municipal

from . import factories

MANAGERS = ["liaison", "coordinator"]
SCHOOL_STAFF = ["teacher", "school_coordinator"]
ROUND_VIEWERS = [*MANAGERS, *SCHOOL_STAFF, "other_school_coordinator", "company_staff", "other_company_staff"]
AGREEMENT_READERS = [*MANAGERS, *SCHOOL_STAFF, "company_staff", "student", "guardian"]


def _m(world):
    return {"municipality": world.main.slug}


def _round(world):
    with scopes_disabled():
        r = factories.round_(world)
        factories.persona_student(world)
    return {"municipality": world.main.slug, "pk": r.pk}


def _closed_round(world):
    with scopes_disabled():
        r, _places, _students = factories.market(world)
    return {"municipality": world.main.slug, "pk": r.pk}


def _place(world):
    with scopes_disabled():
        p = factories.place(world, factories.round_(world))
    return {"municipality": world.main.slug, "pk": p.pk}


def _run(world):
    with scopes_disabled():
        r, _places, _students = factories.market(world)
        run = factories.finished_run(world, r)
    return {"municipality": world.main.slug, "pk": run.pk}


def _run_student(world):
    with scopes_disabled():
        r, _places, students = factories.market(world)
        run = factories.finished_run(world, r)
    return {"municipality": world.main.slug, "pk": run.pk, "student": students[0].pk}


def _placement(world):
    with scopes_disabled():
        r, places, students = factories.market(world)
        from anschluss.placements.models import Placement

        placement = Placement.objects.create(
            municipality=world.main, round=r, student=students[1], place=places[0]
        )
    return {"municipality": world.main.slug, "pk": placement.pk}


def _agreement(world):
    with scopes_disabled():
        agreement = factories.confirmed_agreement(world)
    return {"municipality": world.main.slug, "pk": agreement.pk}


def _confirmed_round(world):
    with scopes_disabled():
        agreement = factories.confirmed_agreement(world)
    return {"municipality": world.main.slug, "pk": agreement.placement.round_id}


def _confirmed_placement(world):
    with scopes_disabled():
        agreement = factories.confirmed_agreement(world)
    return {"municipality": world.main.slug, "pk": agreement.placement_id}


def _host_again_token(world):
    from anschluss.placements.services.aftercare import host_again_token

    with scopes_disabled():
        agreement = factories.confirmed_agreement(world)
        token = host_again_token(agreement.placement.place)
    return {"municipality": world.main.slug, "token": token}


def post_only(allowed, kwargs, data=None):
    return Row("", get=everyone(405), post=municipal(allowed, ok=302), kwargs=kwargs, data=data or {})


def _named(name: str, row: Row) -> Row:
    row.name = name
    return row


ROWS = [
    Row(
        "placements:round_list",
        get=municipal([*ROUND_VIEWERS, "platform_admin"]),
        post=everyone(405),
        kwargs=_m,
    ),
    # An empty POST re-renders the form with its errors.
    Row("placements:round_create", get=municipal(MANAGERS), post=municipal(MANAGERS), kwargs=_m),
    Row("placements:round_detail", get=municipal(MANAGERS), post=everyone(405), kwargs=_round),
    Row("placements:round_edit", get=municipal(MANAGERS), post=municipal(MANAGERS), kwargs=_round),
    _named("placements:round_status", post_only(MANAGERS, _round, {"status": "closed"})),
    Row(
        "placements:place_create",
        get=municipal([*MANAGERS, "company_staff", "other_company_staff"]),
        post=municipal([*MANAGERS, "company_staff", "other_company_staff"]),
        kwargs=_round,
    ),
    Row(
        "placements:place_edit",
        get=municipal([*MANAGERS, "company_staff"]),
        post=municipal([*MANAGERS, "company_staff"]),
        kwargs=_place,
    ),
    # Only a student has a list to choose for.
    Row("placements:choose", get=municipal(["student"]), post=municipal(["student"], ok=302), kwargs=_round),
    Row(
        "placements:choice_overview",
        get=municipal([*MANAGERS, *SCHOOL_STAFF]),
        post=everyone(405),
        kwargs=_round,
        personal=True,
    ),
    _named("placements:remind", post_only([*MANAGERS, *SCHOOL_STAFF], _round)),
    _named("placements:run_start", post_only(MANAGERS, _round, {"mode": "stable"})),
    Row("placements:run_compare", get=municipal(MANAGERS), post=everyone(405), kwargs=_closed_round),
    Row("placements:run_detail", get=municipal(MANAGERS), post=everyone(405), kwargs=_run, personal=True),
    Row("placements:run_progress", get=municipal(MANAGERS), post=everyone(405), kwargs=_run),
    _named("placements:run_adopt", post_only(MANAGERS, _run)),
    Row(
        "placements:run_explain",
        get=municipal(MANAGERS),
        post=everyone(405),
        kwargs=_run_student,
        personal=True,
    ),
    Row(
        "placements:placement_list",
        get=municipal(MANAGERS),
        post=everyone(405),
        kwargs=_closed_round,
        personal=True,
    ),
    _named("placements:assign", post_only(MANAGERS, _closed_round)),
    _named("placements:placement_remove", post_only(MANAGERS, _placement)),
    _named("placements:confirm", post_only(MANAGERS, _closed_round)),
    # The round's school staff see their students' agreements, company staff with places in it their company's.
    Row(
        "placements:agreement_list",
        get=municipal([*MANAGERS, *SCHOOL_STAFF, "company_staff"]),
        post=everyone(405),
        kwargs=_confirmed_round,
        personal=True,
    ),
    Row(
        "placements:agreement_detail",
        get=municipal(AGREEMENT_READERS),
        post=everyone(405),
        kwargs=_agreement,
        personal=True,
    ),
    Row(
        "placements:agreement_pdf",
        get=municipal(AGREEMENT_READERS),
        post=everyone(405),
        kwargs=_agreement,
        personal=True,
    ),
    _named(
        "placements:agreement_sign",
        post_only(
            ["student", "guardian", "company_staff", "school_coordinator"], _agreement, {"party": "student"}
        ),
    ),
    _named(
        "placements:agreement_paper",
        post_only([*MANAGERS, "school_coordinator"], _agreement, {"party": "guardian"}),
    ),
    _named("placements:host_again_request", post_only(MANAGERS, _confirmed_round)),
    # The signed link in the e-mail is the permission: whoever holds it may answer.
    Row("placements:host_again", get=everyone(200), post=everyone(200), kwargs=_host_again_token),
    Row(
        "placements:feedback",
        get=municipal(["student", "company_staff"]),
        post=municipal(["student", "company_staff"]),
        kwargs=_confirmed_placement,
    ),
]
