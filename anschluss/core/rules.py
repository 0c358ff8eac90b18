"""Permission predicates of the core, and the building blocks every app's rules.py uses.

A predicate is called with (user, obj); obj is the municipality or an object that belongs to one. The core
knows no roles (they are the accounts app's): the predicates on roles are in `accounts/rules.py`, which also
grants the core's own pages (audit log, feedback inbox) to the roles that use them.
"""

import rules


def municipality_id_of(obj) -> int | None:
    if obj is None:
        return None
    if obj._meta.label_lower == "core.municipality":
        return obj.pk
    return getattr(obj, "municipality_id", None)


@rules.predicate
def is_platform_admin(user) -> bool:
    """The platform admin: granted by name where a permission includes it, never by a superuser shortcut."""
    return bool(user.is_authenticated and user.is_superuser and user.is_active)


@rules.predicate
def belongs_to_municipality(user, obj) -> bool:
    """A signed-in person of the object's municipality, whatever their role (students without a class too)."""
    municipality_id = municipality_id_of(obj)
    return bool(user.is_authenticated and municipality_id and user.municipality_id == municipality_id)


rules.add_perm("core.view_inbox", belongs_to_municipality)
