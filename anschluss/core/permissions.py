"""The view side of permissions: a mixin and a decorator around the predicates in each app's rules.py.

Anonymous visitors are sent to the login page; signed-in people without the permission get 403, except that
a page of another municipality answers 404, so that one tenant cannot even learn what another holds.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from rules.contrib.views import PermissionRequiredMixin


def deny(request):
    """What a request without permission gets: login redirect, 404 across municipalities, else 403."""
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    municipality = getattr(request, "municipality", None)
    if municipality is not None and not user.is_superuser and user.municipality_id != municipality.pk:
        raise Http404
    raise PermissionDenied


class MunicipalityPermissionMixin(PermissionRequiredMixin):
    """Checks `permission_required` against the request's municipality (or get_permission_object())."""

    request: HttpRequest

    def get_permission_object(self):
        return self.request.municipality  # type: ignore[attr-defined]

    def handle_no_permission(self):
        return deny(self.request)


def permission_required(perm: str, get_object=None):
    """Decorator for function views: `get_object(request, **kwargs)` picks the object, else the municipality."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            obj = get_object(request, *args, **kwargs) if get_object else request.municipality
            if not request.user.has_perm(perm, obj):
                return deny(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
