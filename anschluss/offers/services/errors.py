class OfferError(Exception):
    """A request the offer portal refuses with a message for the person (already translated)."""
