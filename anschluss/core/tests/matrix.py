from django.contrib import admin
from django_scopes import scopes_disabled

from anschluss.testing.matrix import MAIN_MUNICIPALITY, Row, everyone, expect, municipal


def _main(world):
    return {"municipality": world.main.slug}


def _feedback(world):
    from anschluss.core.models import AccessibilityFeedback

    with scopes_disabled():
        report = AccessibilityFeedback.objects.create(municipality=world.main, message="Kontrast zu schwach")
    return {"municipality": world.main.slug, "pk": report.pk}


def _notification(world):
    from anschluss.core.models import Notification

    with scopes_disabled():
        note = Notification.objects.create(
            municipality=world.main, user=world.users["student"], kind="core.test", url="/dortmund/"
        )
    return {"municipality": world.main.slug, "pk": note.pk}


# Everyone of the municipality has an inbox; the platform admin belongs to no municipality and has none.
INBOX = municipal(MAIN_MUNICIPALITY)
INBOX.update(platform_admin=403)

PUBLIC_PAGES = ["home", "school_list", "imprint", "privacy", "accessibility"]
PLATFORM_PAGES = [
    "platform_home",
    "platform_imprint",
    "platform_privacy",
    "platform_accessibility",
    "healthz",
]

ROWS = [
    *[Row(f"core:{name}", get=everyone(200), post=everyone(405), kwargs=_main) for name in PUBLIC_PAGES],
    *[Row(f"core:{name}", get=everyone(200), post=everyone(405)) for name in PLATFORM_PAGES],
    # An empty POST re-renders the form with its errors.
    Row("core:feedback", get=everyone(200), post=everyone(200), kwargs=_main),
    Row(
        "core:feedback_inbox",
        get=municipal(["coordinator", "platform_admin"]),
        post=everyone(405),
        kwargs=_main,
    ),
    Row(
        "core:feedback_handled",
        get=everyone(405),
        post=municipal(["coordinator", "platform_admin"], ok=302),
        kwargs=_feedback,
    ),
    Row("core:audit_log", get=municipal(["coordinator", "platform_admin"]), post=everyone(405), kwargs=_main),
    Row("core:inbox", get=INBOX, post=everyone(405), kwargs=_main),
    # Only the recipient opens a notification (and follows its link); for everybody else it does not exist.
    Row(
        "core:notification",
        get=expect(404, student=302, anonymous=302, platform_admin=403),
        post=everyone(405),
        kwargs=_notification,
    ),
    Row(
        "core:inbox_read",
        get=everyone(405),
        post={k: 302 if v == 200 else v for k, v in INBOX.items()},
        kwargs=_main,
    ),
    # Django's language switch: redirects back to `next` (GET changes nothing).
    Row("set_language", get=everyone(302), post=everyone(302), data={"language": "en", "next": "/"}),
]


# The Django admin: only platform admins; everybody else is sent to the admin's login page.
def _superuser_request():
    from django.test import RequestFactory

    from anschluss.accounts.models import User

    request = RequestFactory().get("/admin/")
    request.user = User(is_superuser=True, is_active=True, is_staff=True)
    return request


def _admin_rows() -> list[Row]:
    admin_only = expect(302, platform_admin=200)
    rows = [
        Row("admin:index", get=admin_only, post=admin_only),
        # The admin's own login form is never shown (it would skip the second factor): anonymous visitors go to
        # allauth's login, the platform admin to the index, everybody else gets 403.
        Row(
            "admin:login",
            get=expect(403, anonymous=302, platform_admin=302),
            post=expect(403, anonymous=302, platform_admin=302),
        ),
        Row("admin:logout", get=expect(302, platform_admin=405), post=everyone(302)),
        Row("admin:password_change", get=admin_only, post=admin_only),
        Row("admin:password_change_done", get=admin_only, post=expect(302, platform_admin=405)),
        Row("admin:autocomplete", get=expect(302, platform_admin=403), post=expect(302, platform_admin=405)),
        Row(
            "admin:auth_user_password_change",
            get=expect(302, platform_admin=404),
            post=expect(302, platform_admin=404),
            kwargs=lambda world: {"id": "999999"},
        ),
        Row("admin:jsi18n", get=admin_only, post=expect(302, platform_admin=405)),
        Row(
            "admin:view_on_site",
            get=expect(302, platform_admin=404),
            post=expect(302, platform_admin=404),
            kwargs=lambda world: {"content_type_id": 999999, "object_id": 1},
        ),
    ]
    request = _superuser_request()
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        prefix = f"admin:{opts.app_label}_{opts.model_name}"
        add = 200 if model_admin.has_add_permission(request) else 403
        change = 302 if model_admin.has_change_permission(request) else 403
        delete = 302 if model_admin.has_delete_permission(request) else 403
        missing = {"kwargs": lambda world: {"object_id": "999999"}}
        rows += [
            Row(
                "admin:app_list",
                get=admin_only,
                post=admin_only,
                kwargs=lambda world, app=opts.app_label: {"app_label": app},
            ),
            Row(f"{prefix}_changelist", get=admin_only, post=admin_only),
            Row(f"{prefix}_add", get=expect(302, platform_admin=add), post=expect(302, platform_admin=add)),
            # A missing object sends the platform admin back to the index with a message.
            Row(f"{prefix}_change", get=expect(302), post=expect(302, platform_admin=change), **missing),
            Row(f"{prefix}_history", get=expect(302), post=expect(302), **missing),
            Row(
                f"{prefix}_delete",
                get=expect(302, platform_admin=delete),
                post=expect(302, platform_admin=delete),
                **missing,
            ),
        ]
    return rows


ADMIN_ROWS = _admin_rows()
