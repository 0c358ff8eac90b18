"""A second factor for everyone who can see other people's data (all roles but students and guardians)."""

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

# Paths a person without a second factor may still reach: setting one up, signing out, the assets.
_ALLOWED_PREFIXES = ("/accounts/", "/static/", "/i18n/", "/healthz")


def has_totp(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def second_factor_required(user) -> bool:
    if not user.is_authenticated or not user.needs_second_factor:
        return False
    if settings.DEMO_MODE and user.is_demo_persona:
        return False  # the demo's fixed personas; every page shows the demo banner
    return not has_totp(user)


class RequireSecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(_ALLOWED_PREFIXES) and second_factor_required(request.user):
            return redirect(reverse("mfa_activate_totp") + "?next=" + request.get_full_path())
        return self.get_response(request)
