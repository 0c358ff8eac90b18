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
