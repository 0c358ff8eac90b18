"""core.notifications: one inbox for everyone, a mail after the commit for those with an address."""

import pytest
from django.core import mail as django_mail
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_scopes import scope, scopes_disabled

from anschluss.core.models import AuditEntry, Notification
from anschluss.core.notifications import KINDS, notify, register
from anschluss.core.services import do_mark_notifications_read

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def kinds():
    register("core.test_messages", _("Notifications"))
    register("core.test_greeting", "Hello %(name)s, see %(offer)s.")
    register("core.test_quiet", "Inbox only", by_mail=False)
    yield
    for key in ("core.test_messages", "core.test_greeting", "core.test_quiet"):
        KINDS.pop(key, None)


def _notes(user):
    with scopes_disabled():
        return list(Notification.objects.filter(user=user))


def test_everyone_gets_an_inbox_entry_and_only_people_with_an_address_a_mail(world):
    student, staff = world.users["student"], world.users["company_staff"]
    student.email = None
    student.save()
    with transaction.atomic():
        told = notify(
            [student, staff, staff], "core.test_greeting", world.main, {"name": "Ada", "offer": "Praktikum"}
        )
        assert django_mail.outbox == []  # only after the commit
    assert told == 2
    assert [n.text for n in _notes(student)] == ["Hello Ada, see Praktikum."]
    assert len(_notes(staff)) == 1
    assert [m.to for m in django_mail.outbox] == [[staff.email]]
    assert "Hello Ada, see Praktikum." in django_mail.outbox[0].body
    assert django_mail.outbox[0].subject == "Hello Ada, see Praktikum."


def test_a_rolled_back_change_tells_nobody(world):
    class Rollback(Exception):
        pass

    with pytest.raises(Rollback), transaction.atomic():
        notify([world.users["company_staff"]], "core.test_greeting", world.main, {"name": "A", "offer": "B"})
        raise Rollback
    assert django_mail.outbox == [] and _notes(world.users["company_staff"]) == []


def test_the_text_is_rendered_in_the_readers_language_when_read(world):
    with translation.override("de"):
        notify([world.users["student"]], "core.test_messages", world.main)
    (note,) = _notes(world.users["student"])
    assert note.params == {}
    with translation.override("en"):
        assert note.text == "Notifications"
    with translation.override("de"):
        assert note.text == "Benachrichtigungen"


def test_parameters_are_stored_as_plain_values(world):
    notify(
        [world.users["student"]],
        "core.test_greeting",
        world.main,
        {"name": world.users["teacher"], "offer": 3},
    )
    (note,) = _notes(world.users["student"])
    assert note.params == {"name": str(world.users["teacher"]), "offer": 3}
    assert note.target_type == "core.municipality" and note.target_id == str(world.main.pk)


def test_a_kind_without_mail_only_reaches_the_inbox(world):
    notify([world.users["company_staff"]], "core.test_quiet", world.main)
    assert django_mail.outbox == [] and len(_notes(world.users["company_staff"])) == 1


def test_an_unknown_kind_is_refused(world):
    with pytest.raises(ValueError, match="unknown notification kind"):
        notify([world.users["student"]], "core.nothing_like_this", world.main)


def test_missing_parameters_do_not_break_reading(world):
    notify([world.users["student"]], "core.test_greeting", world.main, {"name": "Ada"})
    assert _notes(world.users["student"])[0].text == "Hello Ada, see …."


def test_inactive_people_are_not_told(world):
    staff = world.users["company_staff"]
    staff.is_active = False
    staff.save()
    assert notify([staff], "core.test_greeting", world.main, {"name": "A", "offer": "B"}) == 0


def test_inbox_lists_unread_first_marks_read_and_follows_only_local_links(world, client_for):
    student = world.users["student"]
    notify(
        [student], "core.test_greeting", world.main, {"name": "Ada", "offer": "X"}, url="/dortmund/schools/"
    )
    notify([student], "core.test_quiet", world.main, url="https://evil.example.org/")
    client = client_for("student")
    page = client.get(reverse("core:inbox", args=["dortmund"]))
    assert page.status_code == 200
    assert "Hello Ada, see X." in page.content.decode() and "Inbox only" in page.content.decode()
    start = client.get(reverse("accounts:municipality_start", args=["dortmund"]))
    assert "Hello Ada, see X." in start.content.decode()
    notes = {n.kind: n for n in _notes(student)}
    opened = client.get(reverse("core:notification", args=["dortmund", notes["core.test_greeting"].pk]))
    assert opened.status_code == 302 and opened["Location"] == "/dortmund/schools/"
    evil = client.get(reverse("core:notification", args=["dortmund", notes["core.test_quiet"].pk]))
    assert evil["Location"] == reverse("core:inbox", args=["dortmund"])
    assert all(n.read_at for n in _notes(student))


def test_mark_all_read_touches_only_ones_own(world, client_for):
    notify([world.users["student"], world.users["teacher"]], "core.test_quiet", world.main)
    response = client_for("student").post(reverse("core:inbox_read", args=["dortmund"]))
    assert response.status_code == 302
    assert all(n.read_at for n in _notes(world.users["student"]))
    assert not any(n.read_at for n in _notes(world.users["teacher"]))


def test_marking_read_is_logged_and_a_second_time_changes_nothing(world):
    notify([world.users["student"], world.users["teacher"]], "core.test_quiet", world.main)
    notify([world.users["student"]], "core.test_quiet", world.main)
    first = _notes(world.users["student"])[0]
    with scope(municipality=world.main.pk):
        assert do_mark_notifications_read(actor=world.users["student"], notification=first) == 1
        assert do_mark_notifications_read(actor=world.users["student"]) == 1
        assert do_mark_notifications_read(actor=world.users["student"]) == 0
    with scopes_disabled():
        actions = list(
            AuditEntry.objects.filter(action__startswith="core.notification").values_list("action", flat=True)
        )
    assert sorted(actions) == ["core.notification.read", "core.notification.read_all"]


def test_the_mail_context_reaches_the_mail_and_is_never_stored(world, tmp_path, settings):
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]
    (tmp_path / "core" / "emails").mkdir(parents=True)
    (tmp_path / "core" / "emails" / "test_greeting_body.txt").write_text(
        "{{ text }} {% for n in names %}{{ n }};{% endfor %}"
    )
    staff = world.users["company_staff"]
    notify(
        [staff],
        "core.test_greeting",
        world.main,
        {"name": "A", "offer": "B"},
        mail_context={"names": ["Kim", "Ali"]},
    )
    assert django_mail.outbox[0].body == "Hello A, see B. Kim;Ali;"
    assert _notes(staff)[0].params == {"name": "A", "offer": "B"}
