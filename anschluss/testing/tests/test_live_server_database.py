"""The live server of the browser tests has its own database connections (a file-backed SQLite test database),
so concurrent requests (htmx saves beside a page load, the favicon) cannot interleave on one connection."""

import threading
import urllib.error
import urllib.request

import pytest
from django.db import connection


@pytest.mark.skipif(connection.vendor != "sqlite", reason="about the SQLite test database")
def test_the_sqlite_test_database_is_a_file_per_worker(db):
    assert not connection.is_in_memory_db()
    assert "anschluss-test-" in connection.settings_dict["NAME"]


def test_concurrent_requests_to_the_live_server_each_see_the_tests_data(live_server, transactional_db):
    from anschluss.core.tests.factories import MunicipalityFactory

    MunicipalityFactory(slug="probe", name="Probe")
    statuses: list[int] = []
    lock = threading.Lock()

    def fetch() -> None:
        try:
            with urllib.request.urlopen(live_server.url + "/probe/", timeout=60) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        with lock:
            statuses.append(status)

    threads = [threading.Thread(target=fetch) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [200] * 12
