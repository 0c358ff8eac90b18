"""The audit log: every write through a service and every read of a personal record leaves a line."""

from collections.abc import Iterable
from typing import Any

from django.db import models
from django_scopes import scopes_disabled

from .models import AuditEntry, Municipality


def _actor_label(actor) -> str:
    if actor is None:
        return "system"
    if not getattr(actor, "is_authenticated", False):
        return "anonymous"
    return actor.get_username()


def _municipality_of(target: Any, municipality: Municipality | None) -> Municipality | None:
    if municipality is not None:
        return municipality
    if isinstance(target, Municipality):
        return target
    return getattr(target, "municipality", None)


def log_action(
    actor,
    action: str,
    target: models.Model | None = None,
    data: dict | None = None,
    *,
    municipality: Municipality | None = None,
    reason: str = "",
    kind: str = AuditEntry.Kind.WRITE,
) -> AuditEntry:
    """Append one entry. `action` is "app.noun.verb"; `actor` None means the system itself (a command, a task)."""
    real_actor = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEntry.objects.create(
        municipality=_municipality_of(target, municipality),
        kind=kind,
        actor=real_actor,
        actor_label=_actor_label(actor),
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_label=str(target)[:200] if target is not None else "",
        reason=reason[:200],
        data=data or {},
    )


def log_reads(
    actor,
    targets: Iterable[models.Model],
    reason: str,
    *,
    municipality: Municipality | None = None,
) -> int:
    """Record that `actor` saw the personal records `targets`, and why (e.g. "class list").

    The rule for lists: every page or API response that shows a person's name with personal data calls this
    once with every person shown (the rows of the current page, not the whole query): one entry per person,
    written in a single INSERT. A detail page passes a list of one. Returns the number of entries."""
    targets = list({(t._meta.label_lower, t.pk): t for t in targets if t is not None}.values())
    if not targets:
        return 0
    real_actor = actor if getattr(actor, "is_authenticated", False) else None
    label = _actor_label(actor)
    entries = [
        AuditEntry(
            municipality_id=municipality.pk if municipality else getattr(target, "municipality_id", None),
            kind=AuditEntry.Kind.READ,
            actor=real_actor,
            actor_label=label,
            action=f"{target._meta.app_label}.{target._meta.model_name}.read",
            target_type=target._meta.label_lower,
            target_id=str(target.pk),
            target_label=str(target)[:200],
            reason=str(reason)[:200],
        )
        for target in targets
    ]
    with scopes_disabled():  # a write of entries that name their own municipality; a task may have no scope
        AuditEntry.objects.bulk_create(entries)
    return len(entries)
