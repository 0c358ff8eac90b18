"""Login with e-mail or username, lockout, and the second factor for everyone who sees other people's data."""

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client, override_settings
from django.urls import reverse

from anschluss.accounts.models import User
from conftest import PERSONA_PASSWORD

LOGIN = "/accounts/login/"


def _current_code(user) -> str:
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time

    secret = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP).wrap().instance.data["secret"]
    from allauth.mfa.utils import decrypt

    counter = next(iter(yield_hotp_counters_from_time()))
    return format_hotp_value(hotp_value(decrypt(secret), counter))


def test_staff_logs_in_with_email_and_second_factor(world):
    client = Client()
    response = client.post(LOGIN, {"login": "koordination@example.org", "password": PERSONA_PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert wrong.status_code == 200 and wrong.context["form"].errors
    response = client.post(
        reverse("mfa_authenticate"), {"code": _current_code(world.users["coordinator"])}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/dortmund/start/"
    assert response.status_code == 200


def test_student_logs_in_with_username(world):
    client = Client()
    response = client.post(LOGIN, {"login": "schueler.kley", "password": PERSONA_PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == "/dortmund/start/"


def test_wrong_password_gets_a_clear_error(world):
    response = Client().post(LOGIN, {"login": "schueler.kley", "password": "falsch"})
    assert response.status_code == 200
    assert response.context["form"].errors


def test_signup_is_closed(db, client):
    response = client.get("/accounts/signup/")
    assert "signup_closed" in " ".join(t.name for t in response.templates if t.name)


@pytest.mark.django_db
@override_settings(AXES_FAILURE_LIMIT=3)
def test_lockout_per_username_and_ip(world):
    client = Client(REMOTE_ADDR="10.0.0.7")
    for _ in range(3):
        client.post(LOGIN, {"login": "schueler.kley", "password": "falsch"})
    locked = client.post(LOGIN, {"login": "schueler.kley", "password": PERSONA_PASSWORD})
    assert locked.status_code == 429
    # The same username from another address, and another username from this one, still work.
    other_ip = Client(REMOTE_ADDR="10.0.0.8")
    assert other_ip.post(LOGIN, {"login": "schueler.kley", "password": PERSONA_PASSWORD}).status_code == 302
    other_user = Client(REMOTE_ADDR="10.0.0.7")
    assert other_user.post(LOGIN, {"login": "eltern.kley", "password": PERSONA_PASSWORD}).status_code == 302


def test_staff_without_second_factor_must_set_one_up(world, client_for):
    coordinator = world.users["coordinator"]
    Authenticator.objects.filter(user=coordinator).delete()
    response = client_for("coordinator").get("/dortmund/start/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_activate_totp"))


def test_students_and_guardians_need_no_second_factor(world, client_for):
    assert not world.users["student"].needs_second_factor
    assert not world.users["guardian"].needs_second_factor
    assert client_for("student").get("/dortmund/start/").status_code == 200


def test_every_other_role_needs_a_second_factor(world):
    for key, user in world.users.items():
        if key not in ("student", "guardian"):
            assert User.objects.get(pk=user.pk).needs_second_factor, key


@override_settings(DEMO_MODE=True)
def test_demo_personas_may_skip_the_second_factor_with_a_banner(world, client_for):
    coordinator = world.users["coordinator"]
    Authenticator.objects.filter(user=coordinator).delete()
    coordinator.is_demo_persona = True
    coordinator.save()
    response = client_for("coordinator").get("/dortmund/start/")
    assert response.status_code == 200
    assert "demo-banner" in response.content.decode()


@override_settings(DEMO_MODE=True)
def test_demo_platform_admin_sees_the_banner_in_the_admin_too(world, client_for):
    admin_user = world.users["platform_admin"]
    Authenticator.objects.filter(user=admin_user).delete()
    admin_user.is_demo_persona = True
    admin_user.save()
    response = client_for("platform_admin").get("/admin/")
    assert response.status_code == 200
    assert "demo-banner" in response.content.decode()


def test_demo_bypass_needs_the_demo_setting(world, client_for, settings):
    settings.DEMO_MODE = False
    coordinator = world.users["coordinator"]
    Authenticator.objects.filter(user=coordinator).delete()
    coordinator.is_demo_persona = True
    coordinator.save()
    assert client_for("coordinator").get("/dortmund/start/").status_code == 302


def test_start_redirects_to_own_municipality(world, client_for):
    assert client_for("other_municipality_coordinator").get("/start/")["Location"] == "/beispielstadt/start/"
    assert client_for("platform_admin").get("/start/")["Location"] == "/admin/"


def test_start_page_shows_role_sections(world, client_for):
    html = client_for("coordinator").get("/dortmund/start/").content.decode()
    assert 'id="start-coordinator"' in html
    assert reverse("core:audit_log", kwargs={"municipality": "dortmund"}) in html
    student_html = client_for("student").get("/dortmund/start/").content.decode()
    assert 'id="start-student"' in student_html and "start-coordinator" not in student_html


def test_admin_is_only_for_platform_admins(world, client_for):
    assert client_for("platform_admin").get("/admin/").status_code == 200
    assert client_for("coordinator").get("/admin/").status_code == 302


def test_password_reset_sends_mail(world, client, mailoutbox):
    client.post("/accounts/password/reset/", {"email": "koordination@example.org"})
    assert len(mailoutbox) == 1
    assert "koordination@example.org" in mailoutbox[0].to


def test_admin_login_form_cannot_skip_the_second_factor(world):
    """Django's own admin login asks only for the password: it must hand over to the login with TOTP."""
    client = Client()
    client.post("/admin/login/?next=/admin/", {"username": "plattform.admin", "password": PERSONA_PASSWORD})
    assert "_auth_user_id" not in client.session, "signed in with the password alone"
    assert client.get("/admin/").status_code == 302
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_login") + "?next=/admin/"


def test_admin_refuses_staff_who_are_not_platform_admins(world, client_for):
    coordinator = world.users["coordinator"]
    coordinator.is_staff = True
    coordinator.save(update_fields=["is_staff"])
    client = client_for("coordinator")
    assert client.get("/admin/").status_code == 302
    assert client.get("/admin/core/municipality/").status_code == 302


def test_first_second_factor_is_set_up_right_after_login_without_a_second_password(world):
    Authenticator.objects.filter(user=world.users["coordinator"]).delete()
    client = Client()
    response = client.post(
        LOGIN, {"login": "koordination@example.org", "password": PERSONA_PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0].startswith(reverse("mfa_activate_totp"))
    assert response.status_code == 200
    assert "form" in response.context and "code" in response.context["form"].fields


def test_second_factor_pages_ask_for_the_password_again_without_a_recent_login(world, client_for):
    # A session without a recent login (force_login records none): setting up or removing a factor asks again.
    Authenticator.objects.filter(user=world.users["coordinator"]).delete()
    response = client_for("coordinator").get(reverse("mfa_activate_totp"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    response = client_for("teacher").get(reverse("mfa_deactivate_totp"))
    assert response["Location"].startswith(reverse("account_reauthenticate"))
