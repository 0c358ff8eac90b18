"""core.permissions.allowed: the one entry, without Django's superuser shortcut."""

import pytest
import rules
from django.core.exceptions import PermissionDenied
from django.forms import CharField, Form
from django.template import Context, Template
from django.test import RequestFactory
from rest_framework.test import APIRequestFactory

from anschluss.core.permissions import allowed, api_permission
from anschluss.core.rules import is_platform_admin
from anschluss.core.services import ServiceError, require


@pytest.fixture(autouse=True)
def probe_permissions():
    rules.add_perm("core.test_nobody", rules.always_false)
    rules.add_perm("core.test_admin", is_platform_admin)
    yield
    rules.remove_perm("core.test_nobody")
    rules.remove_perm("core.test_admin")


def test_the_platform_admin_gets_nothing_by_being_a_superuser(world):
    admin = world.users["platform_admin"]
    assert admin.is_superuser and admin.has_perm("core.test_nobody")  # Django's shortcut, which we never ask
    assert not allowed(admin, "core.test_nobody")
    assert allowed(admin, "core.test_admin")
    assert not allowed(admin, "students.view_student", None)


def test_unknown_permissions_anonymous_and_inactive_people_are_refused(world):
    assert not allowed(world.users["coordinator"], "core.no_such_permission", world.main)
    assert not allowed(None, "core.view_inbox", world.main)
    coordinator = world.users["coordinator"]
    assert allowed(coordinator, "core.view_auditlog", world.main)
    coordinator.is_active = False
    assert not allowed(coordinator, "core.view_auditlog", world.main)


def test_require_raises_permission_denied(world):
    require(world.users["coordinator"], "core.view_auditlog", world.main)
    with pytest.raises(PermissionDenied):
        require(world.users["student"], "core.view_auditlog", world.main)


def test_the_template_tag_asks_allowed(world):
    request = RequestFactory().get("/")
    request.user = world.users["platform_admin"]
    template = Template(
        '{% load anschluss %}{% allowed "core.test_nobody" as a %}{% allowed "core.test_admin" as b %}{{ a }} {{ b }}'
    )
    assert template.render(Context({"request": request})) == "False True"


def test_the_api_permission_class_asks_allowed(world):
    request = APIRequestFactory().get("/")
    request.user = world.users["coordinator"]
    request.municipality = world.main
    permission = api_permission("core.view_auditlog")()
    assert permission.has_permission(request, None)
    assert permission.has_object_permission(request, None, world.main)
    request.user = world.users["student"]
    assert not permission.has_permission(request, None)


def test_a_service_error_lands_on_its_field_or_above_the_form():
    class NameForm(Form):
        name = CharField(required=False)

    form = NameForm({"name": "x"})
    assert form.is_valid()
    ServiceError("Name taken", field="name").add_to_form(form)
    ServiceError("Something else", field="nonexistent").add_to_form(form)
    assert form.errors == {"name": ["Name taken"], "__all__": ["Something else"]}
    assert str(ServiceError("Plain")) == "Plain"
