"""Tests that cannot quietly vanish: a pytest plugin (registered in the top-level conftest.py).

- On the PostgreSQL run (DATABASE_URL is a postgres:// URL), a test that needs PostgreSQL and skips fails the run.
  A test needs PostgreSQL when it is marked ``@pytest.mark.postgresql`` (the way to say it: skipped on SQLite by
  this plugin), or when it is skipped by a ``skipif`` marker or a ``pytest.skip`` whose reason names PostgreSQL
  (the older form, ``skipif(connection.vendor != "postgresql", reason="... PostgreSQL")``).
- Where Chromium is installed (ANSCHLUSS_CHROMIUM, default /usr/bin/chromium), a browser test that skips fails
  the run. A browser test is one marked ``@pytest.mark.browser``, one that uses the ``browser``, ``page``,
  ``phone_page`` or ``new_page`` fixture, or one in a ``test_browser*.py`` module.

So a broken connection, a missing Playwright or a wrong condition shows as a failure, not as a skip in the
summary that nobody reads. xfail is left alone.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

BROWSER_FIXTURES = {"browser", "page", "phone_page", "new_page"}
_POSTGRES = re.compile(r"postgres", re.IGNORECASE)
_BROWSER_MODULE = re.compile(r"^test_browser.*\.py$")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "postgresql: needs PostgreSQL; skipped on SQLite, and a skip on the PostgreSQL run fails the run",
    )


def postgresql_run() -> bool:
    """True when this run's database is PostgreSQL (DATABASE_URL, as settings.py reads it)."""
    scheme = os.environ.get("DATABASE_URL", "").split(":", 1)[0].lower()
    return scheme in {"postgres", "postgresql", "pgsql", "postgis"}


def chromium_path() -> str | None:
    """Where Chromium is, if it is installed (the same place anschluss.testing.browser looks)."""
    candidate = os.environ.get("ANSCHLUSS_CHROMIUM", "/usr/bin/chromium")
    if Path(candidate).exists():
        return candidate
    return shutil.which(candidate)


def _skip_reasons_of_markers(item: pytest.Item) -> list[str]:
    return [
        str(mark.kwargs.get("reason", "")) + " " + " ".join(str(arg) for arg in mark.args)
        for mark in item.iter_markers()
        if mark.name in {"skip", "skipif"}
    ]


def needs_postgresql(item: pytest.Item, reason: str = "") -> bool:
    if item.get_closest_marker("postgresql") is not None:
        return True
    return bool(_POSTGRES.search(reason)) or any(_POSTGRES.search(r) for r in _skip_reasons_of_markers(item))


def is_browser_test(item: pytest.Item) -> bool:
    if item.get_closest_marker("browser") is not None:
        return True
    if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
        return True
    return bool(_BROWSER_MODULE.match(item.path.name))


def _reason(report: pytest.TestReport | pytest.CollectReport) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2]).removeprefix("Skipped: ")
    return str(longrepr)


def must_not_skip(item: pytest.Item, reason: str) -> str | None:
    """Why `item` may not skip on this run, or None if it may."""
    if needs_postgresql(item, reason):
        if postgresql_run():
            return "a test that needs PostgreSQL was skipped on the PostgreSQL run (DATABASE_URL is postgres)"
        return None  # skipped on SQLite, as it should be
    chromium = chromium_path()
    if chromium and is_browser_test(item):
        return f"a browser test was skipped although Chromium is installed ({chromium})"
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if postgresql_run():
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL (run with DATABASE_URL=postgres://...)")
    for item in items:
        if item.get_closest_marker("postgresql") is not None:
            item.add_marker(skip)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    if report.skipped and not hasattr(report, "wasxfail"):
        reason = _reason(report)
        why = must_not_skip(item, reason)
        if why:
            report.outcome = "failed"
            report.longrepr = f"{why}: {item.nodeid} skipped with {reason!r}. It must run here."
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector: pytest.Collector):
    """A whole module that skips (pytest.importorskip, pytest.skip(allow_module_level=True))."""
    report = yield
    if report.skipped and isinstance(collector, pytest.Module):
        reason = _reason(report)
        if postgresql_run() and _POSTGRES.search(reason):
            why = "a module that needs PostgreSQL was skipped on the PostgreSQL run"
        elif chromium_path() and _BROWSER_MODULE.match(collector.path.name):
            why = f"a browser test module was skipped although Chromium is installed ({chromium_path()})"
        else:
            return report
        report.outcome = "failed"
        report.longrepr = f"{why}: {collector.nodeid} skipped with {reason!r}. It must run here."
    return report
