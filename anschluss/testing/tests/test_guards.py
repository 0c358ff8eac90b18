"""The guards against tests that quietly vanish (anschluss/testing/guards.py), run on tiny test files."""

import pytest

pytest_plugins = ["pytester"]

TESTS = """
import pytest
from django.db import connection  # noqa: F401 (the real tests' condition; not evaluated here)

ON_SQLITE = True


@pytest.mark.skipif(ON_SQLITE, reason="full text and trigrams: PostgreSQL")
def test_old_style_postgresql_only():
    pass


@pytest.mark.postgresql
def test_marked_postgresql():
    pass


def test_skips_itself_for_postgresql():
    pytest.skip("needs PostgreSQL row locks")


@pytest.mark.browser
def test_marked_browser():
    pytest.skip("Chromium is not installed")


@pytest.fixture
def page():
    pytest.skip("Chromium is not installed")


def test_uses_the_page_fixture(page):
    pass


def test_skips_for_another_reason():
    pytest.skip("needs Redis on 127.0.0.1:6379")


@pytest.mark.xfail(reason="known bug")
def test_xfails():
    assert False


def test_passes():
    pass
"""


@pytest.fixture
def run(pytester, monkeypatch, tmp_path):
    pytester.makeini("[pytest]\nmarkers =\n    browser: a browser test\n")
    pytester.makepyfile(test_tiny=TESTS)
    chromium = tmp_path / "chromium"

    def run(*, database_url: str, with_chromium: bool):
        monkeypatch.setenv("DATABASE_URL", database_url)
        if with_chromium:
            chromium.write_text("#!/bin/sh\n")
        monkeypatch.setenv(
            "ANSCHLUSS_CHROMIUM", str(chromium) if with_chromium else str(tmp_path / "nowhere")
        )
        return pytester.runpytest_inprocess("-p", "anschluss.testing.guards", "-p", "no:django", "-rfs")

    return run


def test_on_sqlite_without_chromium_skips_are_skips(run):
    result = run(database_url="sqlite:///:memory:", with_chromium=False)
    result.assert_outcomes(passed=1, skipped=6, xfailed=1)
    result.stdout.fnmatch_lines(["*test_tiny.py:12: needs PostgreSQL (run with DATABASE_URL=postgres*"])


def test_on_postgresql_a_skipped_postgresql_test_fails_the_run(run):
    result = run(database_url="postgres://postgres@127.0.0.1:5432/anschluss", with_chromium=False)
    # A skip in the setup phase (skipif) becomes an error there, one in the test's body a failure.
    result.assert_outcomes(passed=2, failed=1, errors=1, skipped=3, xfailed=1)
    assert result.ret != 0
    result.stdout.fnmatch_lines(
        [
            "*a test that needs PostgreSQL was skipped on the PostgreSQL run*test_old_style_postgresql_only*",
            "*a test that needs PostgreSQL was skipped on the PostgreSQL run*test_skips_itself_for_postgresql*",
        ]
    )


def test_with_chromium_a_skipped_browser_test_fails_the_run(run):
    result = run(database_url="sqlite:///:memory:", with_chromium=True)
    # Setup-phase failures count as errors: the fixture that skipped.
    outcomes = result.parseoutcomes()
    assert outcomes.get("failed", 0) + outcomes.get("errors", 0) == 2, outcomes
    assert outcomes["skipped"] == 4  # the three PostgreSQL tests on SQLite, and the Redis one
    assert result.ret != 0
    result.stdout.fnmatch_lines(["*a browser test was skipped although Chromium is installed*"])
    assert "test_marked_browser" in result.stdout.str()
    assert "test_uses_the_page_fixture" in result.stdout.str()


def test_a_browser_module_that_skips_entirely_fails_where_chromium_is(pytester, monkeypatch, tmp_path):
    pytester.makepyfile(test_browser_everything='import pytest\npytest.importorskip("no_such_playwright")\n')
    chromium = tmp_path / "chromium"
    chromium.write_text("")
    monkeypatch.setenv("ANSCHLUSS_CHROMIUM", str(chromium))
    monkeypatch.setenv("DATABASE_URL", "sqlite:///:memory:")
    result = pytester.runpytest_inprocess("-p", "anschluss.testing.guards", "-p", "no:django")
    assert result.ret != 0
    result.stdout.fnmatch_lines(["*a browser test module was skipped although Chromium is installed*"])
    monkeypatch.setenv("ANSCHLUSS_CHROMIUM", str(tmp_path / "nowhere"))
    pytester.runpytest_inprocess("-p", "anschluss.testing.guards", "-p", "no:django").assert_outcomes(
        skipped=1
    )
