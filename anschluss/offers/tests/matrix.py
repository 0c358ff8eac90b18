from anschluss.testing.matrix import MAIN_MUNICIPALITY, Row, everyone, municipal

from .factories import make_application, make_offer, make_saved_search

# Django grants an active superuser every permission: the platform admin passes every check.
MEMBERS = [*MAIN_MUNICIPALITY, "platform_admin"]
MANAGERS = ["company_staff", "other_company_staff", "liaison", "coordinator", "platform_admin"]
OFFER_MANAGERS = ["company_staff", "liaison", "coordinator", "platform_admin"]
MODERATORS = ["liaison", "coordinator", "platform_admin"]


def _main(world):
    return {"municipality": world.main.slug}


def _offer(world, **fields):
    return {"municipality": world.main.slug, "pk": make_offer(world, **fields).pk}


def _draft(world):
    return _offer(world, status="draft")


def _company(world):
    return {"municipality": world.main.slug, "pk": world.orgs["company"].pk}


def _application(world):
    return {"municipality": world.main.slug, "pk": make_application(world).pk}


def _saved_search(world):
    return {"municipality": world.main.slug, "pk": make_saved_search(world).pk}


ROWS = [
    Row("offers:search", get=everyone(200), post=everyone(405), kwargs=_main),
    Row("offers:detail", get=everyone(200), post=everyone(405), kwargs=_offer),
    Row("offers:company", get=everyone(200), post=everyone(405), kwargs=_company),
    # An empty application form comes back with its errors.
    Row(
        "offers:apply",
        get=municipal(["student", "platform_admin"]),
        post=municipal(["student", "platform_admin"]),
        kwargs=_offer,
    ),
    Row(
        "offers:toggle_saved",
        get=everyone(405),
        post=municipal(["student", "platform_admin"], ok=302),
        kwargs=_offer,
    ),
    Row("offers:saved", get=municipal(["student", "platform_admin"]), post=everyone(405), kwargs=_main),
    Row(
        "offers:save_search",
        get=everyone(405),
        post=municipal(["student", "platform_admin"], ok=302),
        kwargs=_main,
    ),
    # Only one's own saved search: the platform admin passes the check but finds no search of theirs.
    Row(
        "offers:delete_search",
        get=everyone(405),
        post={**municipal(["student"], ok=302), "platform_admin": 404},
        kwargs=_saved_search,
    ),
    Row(
        "offers:my_applications",
        get=municipal(["student", "platform_admin"]),
        post=everyone(405),
        kwargs=_main,
    ),
    Row(
        "offers:application_detail",
        get=municipal(["student", "company_staff", "liaison", "coordinator", "platform_admin"]),
        post=everyone(405),
        kwargs=_application,
    ),
    Row(
        "offers:answer",
        get=everyone(405),
        post=municipal(["company_staff", "platform_admin"], ok=302),
        kwargs=_application,
    ),
    Row(
        "offers:respond",
        get=everyone(405),
        post=municipal(["student", "platform_admin"], ok=302),
        kwargs=_application,
    ),
    Row("offers:notifications", get=municipal(MEMBERS), post=everyone(405), kwargs=_main),
    Row("offers:notifications_read", get=everyone(405), post=municipal(MEMBERS, ok=302), kwargs=_main),
    Row("offers:manage", get=municipal(MANAGERS), post=everyone(405), kwargs=_main),
    Row("offers:create", get=municipal(MANAGERS), post=municipal(MANAGERS), kwargs=_main),
    Row("offers:received", get=municipal(MANAGERS), post=everyone(405), kwargs=_main),
    Row("offers:review", get=municipal(MODERATORS), post=everyone(405), kwargs=_main),
    Row("offers:edit", get=municipal(OFFER_MANAGERS), post=municipal(OFFER_MANAGERS), kwargs=_offer),
    Row("offers:submit", get=everyone(405), post=municipal(OFFER_MANAGERS, ok=302), kwargs=_draft),
    Row("offers:publish", get=everyone(405), post=municipal(MODERATORS, ok=302), kwargs=_draft),
    Row("offers:reject", get=everyone(405), post=municipal(MODERATORS, ok=302), kwargs=_draft),
    Row("offers:close", get=everyone(405), post=municipal(OFFER_MANAGERS, ok=302), kwargs=_offer),
]
