"""The one way to check a permission: `allowed(user, perm, obj)`.

Permissions are predicates that each app registers in its `rules.py` under `<app>.<verb>_<noun>`. Every view
decorator, service (through `core.services.require`), API permission class and template tag asks `allowed`;
nothing calls `user.has_perm`. `allowed` asks the predicates directly: the superuser shortcut of Django's
`has_perm` does not apply, so a platform admin gets exactly what a predicate grants by name
(`core.rules.is_platform_admin`), and never a student's personal data by being a superuser.

Anonymous visitors are sent to the login page; signed-in people without the permission get 403, except that
a page of another municipality answers 404, so that one tenant cannot even learn what another holds.
"""

from functools import wraps

import rules
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from rest_framework.permissions import BasePermission


def allowed(user, perm: str, obj=None) -> bool:
    """Whether `user` may `perm` on `obj` (the municipality, or an object of one). Unknown permissions: no."""
    if user is None or (user.is_authenticated and not user.is_active):
        return False
    return rules.has_perm(perm, user, obj)


def deny(request):
    """What a request without permission gets: login redirect, 404 across municipalities, else 403."""
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    municipality = getattr(request, "municipality", None)
    if municipality is not None and not user.is_platform_admin and user.municipality_id != municipality.pk:
        raise Http404
    raise PermissionDenied


def permission_required(perm: str, get_object=None):
    """Decorator for function views: `get_object(request, **kwargs)` picks the object, else the municipality."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            obj = get_object(request, *args, **kwargs) if get_object else request.municipality
            if not allowed(request.user, perm, obj):
                return deny(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def api_permission(perm: str) -> type[BasePermission]:
    """A DRF permission class for `perm`: on the municipality of the URL for lists, on the object for details.

    Use it as `permission_classes = [api_permission("offers.view_offer")]`."""

    class Allowed(BasePermission):
        def has_permission(self, request, view) -> bool:
            return allowed(request.user, perm, getattr(request, "municipality", None))

        def has_object_permission(self, request, view, obj) -> bool:
            return allowed(request.user, perm, obj)

    Allowed.__name__ = Allowed.__qualname__ = f"Allowed[{perm}]"
    return Allowed
