"""Every URL pattern × every persona × GET/POST gets the status its row expects; a pattern without a row fails."""

import importlib
import re

import pytest
from django.apps import apps
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_scopes import scopes_disabled

from anschluss.core.models import AuditEntry
from anschluss.testing.matrix import ALL, Row

# Patterns Django's admin registers without a name: its catch-all and the redirect of /<id>/ to /<id>/change/,
# which answers the same as the change row.
UNNAMED_ALLOWED = re.compile(r"^admin/(\(\?P<url>\.\*\)\$|\w+/\w+/<path:object_id>/)$")


def project_rows() -> list[Row]:
    rows: list[Row] = []
    for config in apps.get_app_configs():
        if not config.name.startswith("anschluss."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.tests.matrix")
        except ModuleNotFoundError:
            continue
        rows += getattr(module, "ROWS", []) + getattr(module, "ADMIN_ROWS", [])
    return rows


def url_patterns(patterns=None, prefix="", namespace=""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            ns = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
            yield from url_patterns(pattern.url_patterns, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            yield (namespace + pattern.name) if pattern.name else None, prefix + str(pattern.pattern)


ROWS = project_rows()


def test_every_url_pattern_has_a_row():
    covered = {row.name for row in ROWS}
    missing = []
    for name, route in url_patterns():
        if name is None:
            if not UNNAMED_ALLOWED.match(route):
                missing.append(f"unnamed pattern {route}")
        elif name not in covered:
            missing.append(name)
    assert not missing, "URL patterns without a row in a tests/matrix.py: " + ", ".join(sorted(set(missing)))


def test_rows_name_real_patterns():
    names = {name for name, _ in url_patterns() if name}
    assert not [row.name for row in ROWS if row.name not in names]


def _student_names() -> list[str]:
    """The full names of every student record in the world (the students app is above core: asked by label)."""
    if not apps.is_installed("anschluss.students"):
        return []
    with scopes_disabled():
        students = apps.get_model("students", "Student").objects.values_list("first_name", "last_name")
        return [f"{first} {last}" for first, last in students]


def _names_shown(response, names: list[str]) -> list[str]:
    """The students' names on a page (a student's own pages are left out by the caller: no disclosure)."""
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return []
    content = response.content.decode(errors="ignore")
    return [name for name in names if name in content]


def _reads() -> int:
    with scopes_disabled():
        return AuditEntry.objects.filter(kind=AuditEntry.Kind.READ).count()


@pytest.mark.parametrize("row", ROWS, ids=[f"{row.name}-{i}" for i, row in enumerate(ROWS)])
def test_permission_matrix(row: Row, world):
    url = reverse(row.name, kwargs=row.kwargs(world))
    names = _student_names()
    failures = []
    for persona in ALL:
        client = Client()
        if persona != "anonymous":
            client.force_login(world.users[persona], backend="django.contrib.auth.backends.ModelBackend")
        for method, expected in (("get", row.get[persona]), ("post", row.post[persona])):
            # Each request in a savepoint that is rolled back, so that a POST cannot change the next case.
            savepoint = transaction.savepoint()
            reads_before = _reads()
            response = getattr(client, method)(url, data=row.data)
            reads = _reads() - reads_before
            transaction.savepoint_rollback(savepoint)
            if response.status_code != expected:
                failures.append(
                    f"{persona} {method.upper()} {url}: expected {expected}, got {response.status_code}"
                )
            if row.personal and method == "get" and response.status_code == 200 and not reads:
                failures.append(f"{persona} GET {url} showed personal data and logged no read")
            shown = _names_shown(response, names) if persona != "student" else []
            if shown and not reads:
                failures.append(f"{persona} {method.upper()} {url} showed {shown[0]} and logged no read")
    assert not failures, "\n".join(failures)


PERSONAL_ROWS = [row for row in ROWS if row.personal]


def test_the_platform_admin_is_an_outsider_to_personal_data():
    """Like healthchecks' superuser-outsider tests: being a superuser opens no student's personal data."""
    opened = [
        row.name for row in PERSONAL_ROWS if 200 in (row.get["platform_admin"], row.post["platform_admin"])
    ]
    assert not opened, "the platform admin gets personal data on " + ", ".join(opened)
    assert PERSONAL_ROWS, "no row of the matrix is marked as showing personal data"
