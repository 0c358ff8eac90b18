import rules

from anschluss.core.rules import is_member, is_platform_admin

# The personal start page in a municipality: for everyone who holds a role there.
rules.add_perm("accounts.view_start", is_member | is_platform_admin)
