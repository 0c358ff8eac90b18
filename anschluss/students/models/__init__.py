"""Students: classes, profiles, guardians and consent, KAoA milestones, interests, strengths, CV and letters."""

from .consent import Consent, ConsentPolicy, Guardianship
from .cv_and_letters import CoverLetter, CurriculumVitae, CvEntry
from .milestones import Milestone
from .profile import InterestAnswer, Strength
from .students import Document, SchoolClass, Student, current_school_year, document_path

__all__ = [
    "Consent",
    "ConsentPolicy",
    "CoverLetter",
    "CurriculumVitae",
    "CvEntry",
    "Document",
    "Guardianship",
    "InterestAnswer",
    "Milestone",
    "SchoolClass",
    "Strength",
    "Student",
    "current_school_year",
    "document_path",
]
