"""The audit log: every write through a service and every read of a personal record leaves a line."""

from typing import Any

from django.db import models

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


def log_read(
    actor, target: models.Model, *, reason: str, municipality: Municipality | None = None
) -> AuditEntry:
    """Record that `actor` opened the personal record `target`, and why (e.g. "class dashboard")."""
    app_label = target._meta.app_label
    return log_action(
        actor,
        f"{app_label}.{target._meta.model_name}.read",
        target,
        municipality=municipality,
        reason=reason,
        kind=AuditEntry.Kind.READ,
    )
