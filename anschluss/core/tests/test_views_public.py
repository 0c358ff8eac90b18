from django.urls import reverse
from django_scopes import scope

from anschluss.core.models import AccessibilityFeedback


def test_home_shows_project_schools(world, client):
    html = client.get("/dortmund/").content.decode()
    assert "Hauptschule Kley" in html
    assert "Gesamtschule Nord" not in html


def test_school_list_filters_by_district_and_form(world, client):
    response = client.get("/dortmund/schools/", {"district": "eving"})
    assert [s.name for s in response.context["schools"]] == ["Gesamtschule Nord"]
    response = client.get("/dortmund/schools/", {"form": "H"})
    assert [s.name for s in response.context["schools"]] == ["Hauptschule Kley"]


def test_invalid_filter_gets_a_message_not_an_error(world, client):
    response = client.get("/dortmund/schools/", {"district": "atlantis", "form": "XX"})
    assert response.status_code == 200
    assert response.context["filter_error"]
    assert len(response.context["schools"]) == 2


def test_feedback_form_validates_and_stores(world, client):
    url = reverse("core:feedback", kwargs={"municipality": "dortmund"})
    response = client.post(url, {"message": ""})
    assert response.status_code == 200 and response.context["form"].errors
    with scope(municipality=world.main.pk):
        assert not AccessibilityFeedback.objects.exists()
    response = client.post(
        url, {"message": "Die Karte ist ohne Maus nicht bedienbar.", "page_url": "/dortmund/"}
    )
    assert response.status_code == 302
    with scope(municipality=world.main.pk):
        stored = AccessibilityFeedback.objects.get()
    assert stored.page_url == "/dortmund/"


def test_feedback_honeypot_rejects_bots(world, client):
    url = reverse("core:feedback", kwargs={"municipality": "dortmund"})
    response = client.post(url, {"message": "spam", "website": "http://spam.example"})
    assert response.status_code == 200
    with scope(municipality=world.main.pk):
        assert not AccessibilityFeedback.objects.exists()


def _csp_directives(response) -> dict[str, str]:
    parts = (part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    return {part[0]: part[1] if len(part) > 1 else "" for part in parts if part[0]}


def test_security_headers(world, client):
    response = client.get("/dortmund/")
    csp = _csp_directives(response)
    # No inline scripts or styles in any form: no 'unsafe-inline', no nonce, no hash, nothing from elsewhere.
    assert csp["script-src"] == "'self'"
    assert csp["style-src"] == "'self'"
    assert csp["default-src"] == "'self'"
    assert csp["object-src"] == "'none'"
    assert csp["frame-ancestors"] == "'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_pages_for_signed_in_people_are_not_cached(world, client, client_for):
    assert "no-store" not in client.get("/dortmund/").get("Cache-Control", "")
    assert client_for("student").get("/dortmund/start/")["Cache-Control"] == "no-store"
    assert client_for("student").get("/dortmund/").get("Cache-Control") == "no-store"


def test_legal_pages_show_the_municipalitys_texts(world, client):
    world.main.imprint = "Stadt Dortmund, Friedensplatz 1"
    world.main.save()
    assert "Friedensplatz 1" in client.get("/dortmund/imprint/").content.decode()


def test_german_is_the_default_language(world, client):
    response = client.get("/dortmund/", HTTP_ACCEPT_LANGUAGE="")
    assert '<html lang="de">' in response.content.decode()


def test_language_switch_to_english(world, client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/dortmund/"})
    assert '<html lang="en">' in client.get("/dortmund/").content.decode()


def test_pages_outside_a_municipality_link_a_feedback_channel(world, client, client_for):
    # The login page belongs to no municipality: its footer leads to the list of the municipalities' forms.
    html = client.get("/accounts/login/").content.decode()
    assert 'href="/accessibility/?page=/accounts/login/#report"' in html
    listing = client.get("/accessibility/", {"page": "/accounts/login/"}).content.decode()
    assert 'href="/dortmund/feedback/?page=/accounts/login/"' in listing
    assert 'href="/beispielstadt/feedback/?page=/accounts/login/"' in listing
    # A signed-in person reports straight to their own municipality.
    own = client_for("student").get("/accounts/password/change/").content.decode()
    assert 'href="/dortmund/feedback/?page=/accounts/password/change/"' in own
