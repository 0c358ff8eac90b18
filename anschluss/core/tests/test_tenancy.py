"""Rule 1: a query that forgets its municipality fails; another municipality's object answers 404."""

import pytest
from django.urls import reverse
from django_scopes import scope
from django_scopes.exceptions import ScopeError

from anschluss.core.models import AccessibilityFeedback, School


def test_unscoped_query_fails(world):
    with pytest.raises(ScopeError):
        list(School.objects.all())


def test_empty_scope_fails_instead_of_showing_everything(world):
    with scope(), pytest.raises(ScopeError):
        list(School.objects.all())


def test_scope_shows_only_own_municipality(world):
    with scope(municipality=world.main.pk):
        names = set(School.objects.values_list("name", flat=True))
    assert names == {"Hauptschule Kley", "Gesamtschule Nord"}
    with scope(municipality=world.other.pk):
        assert list(School.objects.values_list("name", flat=True)) == ["Beispielschule"]


def test_other_municipalitys_object_is_404(world, client_for):
    with scope(municipality=world.other.pk):
        report = AccessibilityFeedback.objects.create(municipality=world.other, message="Kontrast")
    client = client_for("coordinator")
    url = reverse("core:feedback_handled", kwargs={"municipality": world.main.slug, "pk": report.pk})
    assert client.post(url).status_code == 404
    with scope(municipality=world.other.pk):
        report.refresh_from_db()
    assert report.handled is False


def test_other_municipalitys_staff_page_is_404_not_403(world, client_for):
    url = reverse("core:audit_log", kwargs={"municipality": world.other.slug})
    assert client_for("coordinator").get(url).status_code == 404
    # Inside the own municipality, a missing right is a 403.
    own = reverse("core:audit_log", kwargs={"municipality": world.main.slug})
    assert client_for("teacher").get(own).status_code == 403


def test_unknown_or_inactive_municipality_is_404(world, client):
    assert client.get("/nirgendwo/").status_code == 404
    world.other.is_active = False
    world.other.save()
    assert client.get(f"/{world.other.slug}/").status_code == 404


def test_public_page_lists_only_own_schools(world, client):
    html = client.get(f"/{world.main.slug}/schools/").content.decode()
    assert "Hauptschule Kley" in html
    assert "Beispielschule" not in html


def test_reserved_slug_is_rejected(db):
    from django.core.exceptions import ValidationError

    from anschluss.core.models import Municipality

    with pytest.raises(ValidationError):
        Municipality(slug="accounts", name="X").full_clean()
