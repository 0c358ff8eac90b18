from django.conf import settings


def platform(request):
    user = getattr(request, "user", None)
    return {
        "municipality": getattr(request, "municipality", None),
        "demo_mode": settings.DEMO_MODE,
        "demo_second_factor_skipped": bool(
            settings.DEMO_MODE and user is not None and user.is_authenticated and user.is_demo_persona
        ),
    }
