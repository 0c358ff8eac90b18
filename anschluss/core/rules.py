"""Permission predicates of the core, and the building blocks every app's rules.py uses.

A predicate is called with (user, obj); obj is the municipality or an object that belongs to one.
"""

import rules

from anschluss.accounts.models import Role


def municipality_id_of(obj) -> int | None:
    if obj is None:
        return None
    if obj._meta.label_lower == "core.municipality":
        return obj.pk
    return getattr(obj, "municipality_id", None)


@rules.predicate
def is_platform_admin(user) -> bool:
    return bool(user.is_authenticated and user.is_superuser and user.is_active)


@rules.predicate
def is_member(user, obj) -> bool:
    """Holds any role in the municipality of obj."""
    return bool(user.is_authenticated and user.roles_in(municipality_id_of(obj)))


def has_role(*roles: Role) -> rules.Predicate:
    """A predicate: the user holds one of `roles` in the municipality of the object."""

    def check(user, obj) -> bool:
        return bool(user.is_authenticated and user.roles_in(municipality_id_of(obj)) & set(roles))

    return rules.predicate(check, name="has_role_" + "_or_".join(roles))


is_coordinator = has_role(Role.COORDINATOR)


@rules.predicate
def belongs_to_municipality(user, obj) -> bool:
    """A signed-in person of the object's municipality, whatever their role (students without a class too)."""
    municipality_id = municipality_id_of(obj)
    return bool(user.is_authenticated and municipality_id and user.municipality_id == municipality_id)


rules.add_perm("core.view_inbox", belongs_to_municipality)
rules.add_perm("core.view_auditlog", is_coordinator | is_platform_admin)
rules.add_perm("core.view_accessibilityfeedback", is_coordinator | is_platform_admin)
rules.add_perm("core.change_accessibilityfeedback", is_coordinator | is_platform_admin)
