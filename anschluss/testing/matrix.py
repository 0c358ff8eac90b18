"""Building blocks of the permission matrix (rule 4 of ARCHITECTURE.md).

Each app lists its URL patterns in `<app>/tests/matrix.py` as ROWS; test_permission_matrix walks every URL
pattern of the project and fails for one without a row. A row says, for every persona and for GET and POST,
which status code the request must get.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from anschluss.accounts.personas import PERSONA_KEYS

ALL = [*PERSONA_KEYS, "anonymous"]
MAIN_MUNICIPALITY = [k for k in PERSONA_KEYS if k not in ("platform_admin", "other_municipality_coordinator")]


def expect(default: int, **overrides: int) -> dict[str, int]:
    unknown = set(overrides) - set(ALL)
    if unknown:
        raise ValueError(f"unknown personas {sorted(unknown)}")
    return {persona: overrides.get(persona, default) for persona in ALL}


def everyone(status: int) -> dict[str, int]:
    return expect(status)


def signed_in(status: int, *, anonymous: int = 302, **overrides: int) -> dict[str, int]:
    """Signed-in people get `status` (or their override), anonymous visitors the login redirect."""
    return expect(status, anonymous=anonymous, **overrides)


def municipal(allowed: list[str], ok: int = 200) -> dict[str, int]:
    """A page of the main municipality: `allowed` get `ok`, other signed-in people 403, anonymous the login
    redirect, and the coordinator of the other municipality 404 (another tenant's page is never a 403)."""
    statuses = dict.fromkeys(allowed, ok)
    return expect(403, anonymous=302, other_municipality_coordinator=404, **statuses)


@dataclass
class Row:
    """One URL pattern: the status each persona gets on GET and POST."""

    name: str
    get: dict[str, int]
    post: dict[str, int]
    kwargs: Callable[..., dict] = field(default=lambda world: {})
    data: dict = field(default_factory=dict)
    # The page shows a student's name with personal data: every GET that answers 200 must write a read entry
    # (core.audit.log_reads), and the platform admin, an outsider to personal data, must not get a 200.
    personal: bool = False
