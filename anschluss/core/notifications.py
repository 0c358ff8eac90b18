"""The one notification system: `notify(recipients, kind, target, context)` and the inbox behind it.

Each app registers its kinds once, in its `notifications.py` (imported by its AppConfig.ready):

    register("offers.application_received", _("The company has received your application for “%(offer)s”."))

A notification is stored as the kind plus its parameters (plain strings and numbers) and rendered in the
reader's language when it is read: an English reader of a German platform reads English. Everyone gets it in
their inbox (on their start page); people with an e-mail address also get a mail, after the transaction
commits, through `core.mail`. The mail of a kind "<app>.<name>" is rendered from the templates
`<app>/emails/<name>_subject.txt` and `<app>/emails/<name>_body.txt` where they exist, else from
`core/emails/notification_subject.txt` and `_body.txt`, which carry the text and the link. Mail templates get
the context as given (model instances too) plus `mail_context` (for mail only, never stored), the recipient as
`user`, the inbox text as `text` and the absolute link as `link`.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.template.loader import select_template
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from . import mail
from .models import Municipality, Notification


@dataclass(frozen=True)
class Kind:
    key: str
    text: Promise | str  # a lazy translation with %(name)s placeholders for the parameters
    by_mail: bool = True


KINDS: dict[str, Kind] = {}


def register(key: str, text, *, by_mail: bool = True) -> Kind:
    """Register a notification kind "<app>.<name>" with its inbox text (lazily translated)."""
    kind = Kind(key, text, by_mail)
    KINDS[key] = kind
    return kind


class _Missing(dict):
    def __missing__(self, key: str) -> str:
        return "…"


def render_text(kind: str, params: dict) -> str:
    """The inbox text of a notification in the active language (a missing parameter shows as "…")."""
    registered = KINDS.get(kind)
    if registered is None:
        return str(_("You have a new notification."))
    return str(registered.text) % _Missing(params)


def _param(value):
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _mail_templates(kind: str) -> tuple[list[str], list[str]]:
    app, _dot, name = kind.partition(".")
    return (
        [f"{app}/emails/{name}_subject.txt", "core/emails/notification_subject.txt"],
        [f"{app}/emails/{name}_body.txt", "core/emails/notification_body.txt"],
    )


def notify(
    recipients: Iterable,
    kind: str,
    target: models.Model | None = None,
    context: dict | None = None,
    *,
    url: str = "",
    municipality: Municipality | None = None,
    mail_context: dict | None = None,
) -> int:
    """Tell each distinct active recipient: an inbox entry each (one INSERT), and a mail to those with an address
    after the commit. `context` holds the parameters of the text; `url` (a path) is where the message leads,
    by default the target's get_absolute_url(). `mail_context` is given to the mail templates only and never
    stored (e.g. the list of students placed with a company). Returns the number of people told."""
    if kind not in KINDS:
        raise ValueError(f"unknown notification kind {kind!r}: register it in the app's notifications.py")
    people = list({user.pk: user for user in recipients if user is not None}.values())
    people = [user for user in people if user.is_active]
    if not people:
        return 0
    context = dict(context or {})
    if not url and target is not None and hasattr(target, "get_absolute_url"):
        url = target.get_absolute_url()
    municipality_id = (
        municipality.pk if municipality is not None else getattr(target, "municipality_id", None)
    ) or people[0].municipality_id
    params = {key: _param(value) for key, value in context.items()}
    with scopes_disabled():  # each row names its municipality; a task or command may have no scope open
        Notification.objects.bulk_create(
            [
                Notification(
                    municipality_id=municipality_id,
                    user=user,
                    kind=kind,
                    params=params,
                    target_type=target._meta.label_lower if target is not None else "",
                    target_id=str(target.pk) if target is not None else "",
                    url=url[:300],
                )
                for user in people
            ]
        )
    if KINDS[kind].by_mail:
        for user in people:
            if user.email:
                _mail(user, kind, params, {**context, **(mail_context or {}), "target": target}, url)
    return len(people)


def _mail(user, kind: str, params: dict, context: dict, url: str) -> None:
    subject_names, body_names = _mail_templates(kind)
    language = getattr(user, "language", "") or settings.LANGUAGE_CODE
    with translation.override(language):
        full_context = {
            **context,
            "user": user,
            "text": render_text(kind, params),
            "link": settings.SITE_URL + url if url.startswith("/") else url,
            "site_url": settings.SITE_URL,
        }
        subject = select_template(subject_names).render(full_context)
        body = select_template(body_names).render(full_context)
    mail.send_mail_after_commit([user.email], subject, body)
