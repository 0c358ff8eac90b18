"""Sign-up and invitation codes. Permission checks and refusals are the core's: `core.services.require` and
`core.services.ServiceError`."""

import secrets

# No 0/O, 1/I/L: codes are typed in by hand from paper.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(raw: str) -> str:
    """What people type: spaces, dashes and lower case are forgiven."""
    return "".join(ch for ch in (raw or "").upper() if ch.isalnum())[:20]


def format_code(code: str | None) -> str:
    return f"{code[:4]}-{code[4:]}" if code else ""
