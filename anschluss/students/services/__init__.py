"""Writes of the students app: every do_* function checks its permission, writes atomically and logs.

Split by sub-concept: classes (classes, students, sign-up codes), importing (SchILD/CSV import), milestones,
profile (interests, strengths, sharing), documents (library, CV, cover letters), consent (guardians,
consents, the municipality's rule) and rights (data export, erasure, retention).
"""

# The periodic tasks sit beside their services; importing them here registers them with Celery.
from .rights import apply_retention_everywhere

__all__ = ["apply_retention_everywhere"]
