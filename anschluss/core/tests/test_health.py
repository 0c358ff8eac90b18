import pytest
from django.test import override_settings


def test_healthz_reports_database_and_unconfigured_broker(db, client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["broker"].startswith("not configured")


@override_settings(CELERY_BROKER_URL="redis://127.0.0.1:1/0")
def test_healthz_fails_when_the_broker_is_unreachable(db, client, settings):
    from anschluss.celery import app

    app.conf.broker_url = settings.CELERY_BROKER_URL
    try:
        response = client.get("/healthz")
    finally:
        app.conf.broker_url = None
    assert response.status_code == 503
    assert response.json()["checks"]["broker"].startswith("error")


def _redis_available() -> bool:
    import socket

    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not _redis_available(), reason="needs Redis on 127.0.0.1:6379")
@override_settings(CELERY_BROKER_URL="redis://127.0.0.1:6379/15")
def test_healthz_with_a_real_redis_broker(db, client, settings):
    from anschluss.celery import app

    app.conf.broker_url = settings.CELERY_BROKER_URL
    try:
        response = client.get("/healthz")
    finally:
        app.conf.broker_url = None
    assert response.status_code == 200
    assert response.json()["checks"]["broker"] == "ok"
