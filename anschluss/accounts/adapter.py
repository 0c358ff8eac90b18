import time

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from allauth.core import context
from allauth.mfa.models import Authenticator


class AccountAdapter(DefaultAccountAdapter):
    """Nobody signs up on their own: staff are invited, students join with their class code."""

    def is_open_for_signup(self, request) -> bool:
        return False

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        """Staff who have no second factor yet are sent from the login straight to setting one up: asking for
        the password they typed a moment ago would only be in the way. A login within the reauthentication
        timeout counts as recent for that first set-up; everything else (a second factor that exists, a
        login longer ago) still asks for the password again."""
        if app == "allauth.mfa" and _first_factor_right_after_login(context.request):
            return False
        return super().is_reauthentication_required(app=app, **kwargs)


def _first_factor_right_after_login(request) -> bool:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    if Authenticator.objects.filter(user=user).exists():
        return False
    records = get_authentication_records(request, user)
    if not records:
        return False
    return time.time() - records[-1]["at"] < account_settings.REAUTHENTICATION_TIMEOUT
