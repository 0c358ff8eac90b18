"""The typed environment helpers, and that production settings refuse to start without a secret."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from anschluss import settings as s

ROOT = Path(__file__).resolve().parents[3]


def test_env_bool(monkeypatch):
    monkeypatch.setenv("X_FLAG", "yes")
    assert s.env_bool("X_FLAG") is True
    monkeypatch.setenv("X_FLAG", "0")
    assert s.env_bool("X_FLAG", True) is False
    monkeypatch.setenv("X_FLAG", "vielleicht")
    with pytest.raises(ImproperlyConfigured, match="X_FLAG"):
        s.env_bool("X_FLAG")


def test_env_int(monkeypatch):
    monkeypatch.setenv("X_NUMBER", "12")
    assert s.env_int("X_NUMBER", 3) == 12
    monkeypatch.setenv("X_NUMBER", "zwölf")
    with pytest.raises(ImproperlyConfigured, match="X_NUMBER"):
        s.env_int("X_NUMBER", 3)


def test_env_secret_from_file(monkeypatch, tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("geheim\n")
    monkeypatch.setenv("X_SECRET_FILE", str(secret))
    assert s.env_secret("X_SECRET") == "geheim"
    monkeypatch.setenv("X_SECRET_FILE", str(tmp_path / "missing"))
    with pytest.raises(ImproperlyConfigured, match="X_SECRET_FILE"):
        s.env_secret("X_SECRET")


def _run_check(extra_env: dict, *args: str) -> subprocess.CompletedProcess:
    unset = {"ANSCHLUSS_TESTING", "DEBUG", "ANSCHLUSS_DEMO", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env.update(extra_env)
    return subprocess.run(
        [sys.executable, "manage.py", "check", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = _run_check({})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_check_deploy_is_clean_with_production_settings():
    result = _run_check(
        {
            "SECRET_KEY": "a-long-random-production-secret-" + "x" * 40,
            "ALLOWED_HOSTS": "anschluss.example.org",
        },
        "--deploy",
        "--fail-level",
        "WARNING",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout
