"""Predicates on roles, which every app's rules.py builds on, and the permissions of accounts and core pages."""

import rules

from anschluss.core.rules import is_platform_admin, municipality_id_of

from .models import Role


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

# The personal start page in a municipality: for everyone who holds a role there.
rules.add_perm("accounts.view_start", is_member | is_platform_admin)

# The core's pages for the municipal coordination.
rules.add_perm("core.view_auditlog", is_coordinator | is_platform_admin)
rules.add_perm("core.view_accessibilityfeedback", is_coordinator | is_platform_admin)
rules.add_perm("core.change_accessibilityfeedback", is_coordinator | is_platform_admin)
