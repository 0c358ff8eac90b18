"""Run calls at the same moment in threads with their own database connections (PostgreSQL race tests)."""

import threading

from django.db import connections
from django_scopes import scope


def at_the_same_time(municipality, calls) -> list:
    """Start every call together (a barrier), inside the municipality's scope; return what each returned or
    raised, in order."""
    barrier = threading.Barrier(len(calls))
    outcomes: list = [None] * len(calls)

    def run(index, call):
        try:
            with scope(municipality=municipality.pk):
                barrier.wait()
                outcomes[index] = call()
        except Exception as exc:  # collected and checked by the test
            outcomes[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def until_another_session_waits_for_a_lock(timeout: float = 5.0) -> bool:
    """From inside a transaction: wait until another session of this database is blocked on a lock (say, the
    row this transaction holds), or `timeout` seconds pass. Lets a race test hold its transaction open exactly
    until the other side queues behind it, instead of guessing with fixed sleeps. True if one was seen."""
    import time

    from django.db import connection

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                " AND datname = current_database() AND pid <> pg_backend_pid()"
            )
            if cursor.fetchone()[0]:
                return True
        time.sleep(0.02)
    return False
