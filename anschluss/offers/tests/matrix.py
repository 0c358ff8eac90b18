from anschluss.testing.matrix import Row, everyone, municipal

from .factories import make_application, make_offer, make_saved_search

# The platform admin is granted by name what concerns offers (manage, edit, moderate), never a student's
# applications, and is no student (apply, save, answer): outside their permissions they get 403.
MANAGERS = ["company_staff", "other_company_staff", "liaison", "coordinator", "platform_admin"]
OFFER_MANAGERS = ["company_staff", "liaison", "coordinator", "platform_admin"]
MODERATORS = ["liaison", "coordinator", "platform_admin"]
RECEIVERS = ["company_staff", "other_company_staff", "liaison", "coordinator"]


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


def _received(world):
    """Applications to both companies, so that every receiver's list shows someone (and logs the read)."""
    make_application(world)
    make_application(world, make_offer(world, company="other_company"))
    return _main(world)


def _saved_search(world):
    return {"municipality": world.main.slug, "pk": make_saved_search(world).pk}


ROWS = [
    Row("offers:search", get=everyone(200), post=everyone(405), kwargs=_main),
    Row("offers:detail", get=everyone(200), post=everyone(405), kwargs=_offer),
    Row("offers:company", get=everyone(200), post=everyone(405), kwargs=_company),
    # An empty application form comes back with its errors.
    Row(
        "offers:apply",
        get=municipal(["student"]),
        post=municipal(["student"]),
        kwargs=_offer,
    ),
    Row(
        "offers:toggle_saved",
        get=everyone(405),
        post=municipal(["student"], ok=302),
        kwargs=_offer,
    ),
    Row("offers:saved", get=municipal(["student"]), post=everyone(405), kwargs=_main),
    Row(
        "offers:save_search",
        get=everyone(405),
        post=municipal(["student"], ok=302),
        kwargs=_main,
    ),
    Row("offers:delete_search", get=everyone(405), post=municipal(["student"], ok=302), kwargs=_saved_search),
    Row(
        "offers:my_applications",
        get=municipal(["student"]),
        post=everyone(405),
        kwargs=_main,
    ),
    # A student's application, with their name and message: personal data.
    Row(
        "offers:application_detail",
        get=municipal(["student", "company_staff", "liaison", "coordinator"]),
        post=everyone(405),
        kwargs=_application,
        personal=True,
    ),
    Row(
        "offers:answer",
        get=everyone(405),
        post=municipal(["company_staff"], ok=302),
        kwargs=_application,
    ),
    Row(
        "offers:respond",
        get=everyone(405),
        post=municipal(["student"], ok=302),
        kwargs=_application,
    ),
    Row("offers:manage", get=municipal(MANAGERS), post=everyone(405), kwargs=_main),
    Row("offers:create", get=municipal(MANAGERS), post=municipal(MANAGERS), kwargs=_main),
    # The applicants' names with their applications: personal data.
    Row("offers:received", get=municipal(RECEIVERS), post=everyone(405), kwargs=_received, personal=True),
    Row("offers:review", get=municipal(MODERATORS), post=everyone(405), kwargs=_main),
    Row("offers:edit", get=municipal(OFFER_MANAGERS), post=municipal(OFFER_MANAGERS), kwargs=_offer),
    Row("offers:submit", get=everyone(405), post=municipal(OFFER_MANAGERS, ok=302), kwargs=_draft),
    Row("offers:publish", get=everyone(405), post=municipal(MODERATORS, ok=302), kwargs=_draft),
    Row("offers:reject", get=everyone(405), post=municipal(MODERATORS, ok=302), kwargs=_draft),
    Row("offers:close", get=everyone(405), post=municipal(OFFER_MANAGERS, ok=302), kwargs=_offer),
]
