"""Tenancy and caching middleware.

Every request under /<municipality_slug>/ runs inside a django-scopes scope for that municipality: a query on a
tenant-owned model that is not filtered by it fails instead of leaking another municipality's data. Requests
outside a municipality run in an empty scope, so tenant-owned queries fail there too, except in the Django admin,
which is only for platform admins and sees across municipalities on purpose.
"""

from django.http import Http404
from django.urls import Resolver404, resolve
from django_scopes import scope, scopes_disabled

from .models import Municipality


class MunicipalityScopeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.municipality = None
        try:
            match = resolve(request.path_info)
        except Resolver404:
            match = None
        slug = match.kwargs.get("municipality") if match else None
        if slug is not None:
            municipality = Municipality.objects.filter(slug=slug, is_active=True).first()
            if municipality is None:
                raise Http404("No such municipality.")
            request.municipality = municipality
            with scope(municipality=municipality.pk):
                return self.get_response(request)
        if match is not None and match.app_name == "admin":
            # The platform admin sees across municipalities (rule 1 of ARCHITECTURE.md).
            with scopes_disabled():
                return self.get_response(request)
        # An empty scope: a tenant-owned query here raises ScopeError (scope(municipality=None) would not filter).
        with scope():
            return self.get_response(request)


class PrivateCacheControlMiddleware:
    """Pages shown to a signed-in person may carry personal data: no shared or browser cache may keep them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or getattr(response, "private_data", False):
            response["Cache-Control"] = "no-store"
        return response
