from .audit import AuditEntry
from .feedback import AccessibilityFeedback
from .geo import District, Postcode, Quarter
from .municipality import Municipality
from .notification import Notification
from .organisation import Company, Organisation, OrganisationKind, School, SchoolForm
from .periodic import PeriodicTaskRun

__all__ = [
    "AccessibilityFeedback",
    "AuditEntry",
    "Company",
    "District",
    "Municipality",
    "Notification",
    "Organisation",
    "OrganisationKind",
    "PeriodicTaskRun",
    "Postcode",
    "Quarter",
    "School",
    "SchoolForm",
]
