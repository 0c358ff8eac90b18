"""core.mail: services' e-mails leave only after the surrounding transaction commits."""

import ast
from pathlib import Path

import pytest
from django.core import mail as django_mail
from django.db import transaction

from anschluss.core.mail import send_mail_after_commit, send_template_mail

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
# Only the helper itself talks to Django's mail API; allauth's own mails (accounts) go through allauth.
MAIL_API = {"send_mail", "send_mass_mail", "EmailMessage", "EmailMultiAlternatives", "mail_admins"}
ALLOWED = {ROOT / "core" / "mail.py"}


class Rollback(Exception):
    pass


def test_nothing_is_sent_while_the_transaction_is_open_and_everything_after_the_commit():
    with transaction.atomic():
        assert (
            send_mail_after_commit(["b@example.org", "a@example.org", "", "a@example.org"], "Hi\n", "Body")
            == 2
        )
        assert django_mail.outbox == []
    assert sorted(m.to[0] for m in django_mail.outbox) == ["a@example.org", "b@example.org"]
    assert all(len(m.to) == 1 and m.subject == "Hi" for m in django_mail.outbox)


def test_a_rolled_back_transaction_sends_nothing():
    with pytest.raises(Rollback), transaction.atomic():
        send_mail_after_commit(["a@example.org"], "Hi", "Body")
        raise Rollback
    assert django_mail.outbox == []


def test_a_rolled_back_savepoint_drops_only_its_own_mail():
    with transaction.atomic():
        send_mail_after_commit(["kept@example.org"], "Hi", "Body")
        with pytest.raises(Rollback), transaction.atomic():
            send_mail_after_commit(["dropped@example.org"], "Hi", "Body")
            raise Rollback
    assert [m.to[0] for m in django_mail.outbox] == ["kept@example.org"]


def test_without_a_transaction_the_mail_leaves_at_once():
    assert send_mail_after_commit(["a@example.org"], "Hi", "Body") == 1
    assert len(django_mail.outbox) == 1


def test_a_refused_address_neither_stops_the_others_nor_undoes_the_commit(monkeypatch):
    from anschluss.core import mail

    sent = []

    def deliver(subject, body, address):
        if address == "broken@example.org":
            raise OSError("mail server refused")
        sent.append(address)

    monkeypatch.setattr(mail, "_deliver", deliver)
    with transaction.atomic():
        send_mail_after_commit(["broken@example.org", "fine@example.org"], "Hi", "Body")
    assert sent == ["fine@example.org"]


def test_templates_are_rendered_at_once_in_the_given_language():
    with transaction.atomic():
        count = send_template_mail(
            ["a@example.org"],
            subject_template="offers/emails/application_reminder_subject.txt",
            body_template="offers/emails/application_reminder_body.txt",
            context={"offer": "Praktikum", "link": "https://example.org/x"},
            language="de",
        )
        assert count == 1 and django_mail.outbox == []
    assert django_mail.outbox[0].subject and "https://example.org/x" in django_mail.outbox[0].body


def _calls_mail_api(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("django.core.mail"):
            found += [f"{path}:{node.lineno} imports {a.name}" for a in node.names if a.name in MAIL_API]
        if isinstance(node, ast.Attribute) and node.attr in MAIL_API and path.suffix == ".py":
            found.append(f"{path}:{node.lineno} uses {node.attr}")
    return found


def test_no_module_sends_mail_past_the_helper():
    offenders = [
        hit
        for path in ROOT.rglob("*.py")
        if path not in ALLOWED and "tests" not in path.parts and "migrations" not in path.parts
        for hit in _calls_mail_api(path)
    ]
    assert offenders == []
