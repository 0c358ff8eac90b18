from .application import Application, ApplicationEvent, ApplicationStatus
from .offer import ApplyMethod, Offer, OfferKind, OfferSource, OfferStatus, SchoolCertificate
from .saved import SavedOffer, SavedSearch

__all__ = [
    "Application",
    "ApplicationEvent",
    "ApplicationStatus",
    "ApplyMethod",
    "Offer",
    "OfferKind",
    "OfferSource",
    "OfferStatus",
    "SavedOffer",
    "SavedSearch",
    "SchoolCertificate",
]
