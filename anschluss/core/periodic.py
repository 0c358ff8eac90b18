"""Periodic work on the embedded default: settings.CELERY_BEAT_SCHEDULE without a broker or Celery beat.

`manage.py run_periodic` (which `make demo` starts beside runserver) runs a `Scheduler`: it reads the same
schedule that `celery beat` reads (intervals in seconds or timedeltas, and `crontab` entries), runs each due task
in this process by its registered name, logs every run (name, result, duration; an error does not stop the
loop), and records the last run of each entry in the database (`core.PeriodicTaskRun`), so that a restart does
not run everything again. With a broker (CELERY_BROKER_URL set) Celery beat runs the schedule instead.

When an entry is due, Celery's own schedule objects decide (`is_due(last_run_at)`). An interval entry that has
never run is due at once; a crontab entry that has never run waits for its next time (the scheduler records when
it first saw it, so that `--once` from cron finds it due then).

    scheduler = Scheduler()           # settings.CELERY_BEAT_SCHEDULE, the Celery app's tasks, the real clock
    scheduler.run_due()               # run what is due now; returns the runs
    scheduler.run_forever(stop)       # until the threading.Event `stop` is set
"""

from __future__ import annotations

import copy
import datetime
import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from celery.schedules import BaseSchedule, crontab, schedule
from django.db import IntegrityError, connections, transaction
from django.utils import timezone

logger = logging.getLogger("anschluss.periodic")

# The scheduler wakes at least this often, so that a changed clock or a run by another process is noticed.
MAX_SLEEP_SECONDS = 300.0
SUMMARY_LENGTH = 1000

Clock = Callable[[], datetime.datetime]


_imported: set[int] = set()


def close_old_connections() -> None:
    """Django's close_old_connections (a long-running process must not keep a broken or too old connection),
    except for a connection inside a transaction (a test's): closing that one would end the transaction."""
    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()


def import_tasks(app: Any) -> None:
    """Import the Celery app's task modules, once per process. (Celery's Django fix-up runs django.setup() and
    the system checks on this occasion, which configures logging anew.)"""
    if id(app) not in _imported:
        app.loader.import_default_modules()
        _imported.add(id(app))


class BrokerConfigured(RuntimeError):
    """A broker is configured: Celery beat runs the schedule, not this scheduler."""


@dataclass
class Entry:
    name: str
    task: str
    schedule: BaseSchedule
    args: tuple = ()
    kwargs: dict[str, Any] = field(default_factory=dict)

    @property
    def runs_at_once(self) -> bool:
        """An interval entry that has never run is due at once; a crontab entry waits for its time."""
        return not isinstance(self.schedule, crontab)


@dataclass
class Run:
    entry: str
    task: str
    started: datetime.datetime
    duration: float
    succeeded: bool
    summary: str


def _summary(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= SUMMARY_LENGTH else text[: SUMMARY_LENGTH - 1] + "…"


def entries_from(beat_schedule: Mapping[str, Mapping[str, Any]], *, app: Any, clock: Clock) -> list[Entry]:
    """The entries of a CELERY_BEAT_SCHEDULE-like mapping, each with its own copy of the schedule object
    reading `clock` (so that tests can move time)."""
    entries = []
    for name, spec in beat_schedule.items():
        raw = spec["schedule"]
        if isinstance(raw, int | float):
            raw = datetime.timedelta(seconds=raw)
        if isinstance(raw, datetime.timedelta):
            sched: BaseSchedule = schedule(raw, app=app)
        elif isinstance(raw, BaseSchedule):
            sched = copy.copy(raw)
            sched.app = app
        else:
            raise ValueError(f"CELERY_BEAT_SCHEDULE[{name!r}]: unknown schedule {raw!r}")
        sched.nowfun = clock  # type: ignore[attr-defined]  # (celery-types calls it nowfunc; it is nowfun)
        entries.append(
            Entry(
                name=name,
                task=spec["task"],
                schedule=sched,
                args=tuple(spec.get("args", ())),
                kwargs=dict(spec.get("kwargs", {})),
            )
        )
    return entries


class RunStore:
    """The last runs, in core.PeriodicTaskRun. `claim` moves an entry's last run forward in one UPDATE that
    succeeds only if nobody else moved it since it was read, so each due run happens once."""

    def last_runs(self) -> dict[str, datetime.datetime]:
        from anschluss.core.models import PeriodicTaskRun

        return dict(PeriodicTaskRun.objects.values_list("name", "last_run_at"))

    def claim(
        self, entry: Entry, previous: datetime.datetime | None, now: datetime.datetime, *, ran: bool = True
    ) -> bool:
        """Record `now` as the entry's last run if it is still `previous`; False if another process was first.
        `ran=False` records a crontab entry's first sighting (no run)."""
        from anschluss.core.models import PeriodicTaskRun

        if previous is None:
            try:
                with transaction.atomic():
                    PeriodicTaskRun.objects.create(
                        name=entry.name,
                        task=entry.task,
                        last_run_at=now,
                        summary="" if ran else "waiting for its first time",
                    )
            except IntegrityError:
                return False
            return True
        return (
            PeriodicTaskRun.objects.filter(name=entry.name, last_run_at=previous).update(
                task=entry.task, last_run_at=now, duration=None, succeeded=None, summary=""
            )
            == 1
        )

    def finish(self, run: Run) -> None:
        from anschluss.core.models import PeriodicTaskRun

        PeriodicTaskRun.objects.filter(name=run.entry, last_run_at=run.started).update(
            duration=run.duration, succeeded=run.succeeded, summary=run.summary
        )


class Scheduler:
    def __init__(
        self,
        beat_schedule: Mapping[str, Mapping[str, Any]] | None = None,
        *,
        app: Any = None,
        clock: Clock | None = None,
        timer: Callable[[], float] = time.monotonic,
        store: RunStore | None = None,
    ) -> None:
        from django.conf import settings

        if app is None:
            from anschluss.celery import app as celery_app

            app = celery_app
        self.app = app
        # Times in the app's time zone (CELERY_TIMEZONE), as Celery beat gives them to its schedules:
        # crontab(hour=7) is 07:00 there, whatever the clock's zone.
        now = clock or timezone.now
        self.clock: Clock = lambda: now().astimezone(app.timezone)
        self.timer = timer
        self.store = store or RunStore()
        self.entries = entries_from(
            settings.CELERY_BEAT_SCHEDULE if beat_schedule is None else beat_schedule,
            app=app,
            clock=self.clock,
        )
        import_tasks(app)
        self.unknown = [entry.name for entry in self.entries if entry.task not in app.tasks]
        for entry in self.entries:
            if entry.name in self.unknown:
                logger.error(
                    "periodic %s: no task named %s is registered; the entry is skipped",
                    entry.name,
                    entry.task,
                )

    @classmethod
    def for_embedded_default(cls, **kwargs: Any) -> Scheduler:
        from django.conf import settings

        if settings.CELERY_BROKER_URL:
            raise BrokerConfigured(
                "CELERY_BROKER_URL is set: with a broker, Celery beat runs the schedule "
                "(celery -A anschluss beat, beside celery -A anschluss worker). "
                "run_periodic is for the embedded default, without a broker."
            )
        return cls(**kwargs)

    def _due(self, entry: Entry, last: datetime.datetime | None) -> tuple[bool, float]:
        if last is None:
            if entry.runs_at_once:
                return True, 0.0
            last = self.clock()
        due, next_seconds = entry.schedule.is_due(last.astimezone(self.app.timezone))
        return bool(due), float(next_seconds)

    def _known(self) -> list[Entry]:
        return [entry for entry in self.entries if entry.name not in self.unknown]

    def run_due(self) -> list[Run]:
        """Run every entry that is due now, each once; return the runs."""
        close_old_connections()
        last_runs = self.store.last_runs()
        runs = []
        for entry in self._known():
            previous = last_runs.get(entry.name)
            if previous is None and not entry.runs_at_once:
                # First sight of a crontab entry: remember it, so that it is due at its next time.
                if self.store.claim(entry, None, self.clock(), ran=False):
                    logger.info("periodic %s: first run at its next time (%s)", entry.name, entry.schedule)
                continue
            due, _ = self._due(entry, previous)
            if not due:
                continue
            started = self.clock()
            if not self.store.claim(entry, previous, started):
                logger.info("periodic %s: already run by another scheduler", entry.name)
                continue
            runs.append(self._run(entry, started))
        close_old_connections()
        return runs

    def _run(self, entry: Entry, started: datetime.datetime) -> Run:
        task = self.app.tasks[entry.task]
        begin = self.timer()
        try:
            result = task.apply(args=entry.args, kwargs=entry.kwargs, throw=True).result
        except Exception as error:  # a failing task must not stop the others
            run = Run(entry.name, entry.task, started, self.timer() - begin, False, _summary(error))
            logger.exception(
                "periodic %s (%s) failed after %.2fs: %s", entry.name, entry.task, run.duration, run.summary
            )
        else:
            run = Run(entry.name, entry.task, started, self.timer() - begin, True, _summary(result))
            logger.info(
                "periodic %s (%s) ran in %.2fs: %s", entry.name, entry.task, run.duration, run.summary
            )
        self.store.finish(run)
        return run

    def seconds_until_next(self) -> float:
        """How long until the next entry is due (0 when one is due now), at most MAX_SLEEP_SECONDS."""
        last_runs = self.store.last_runs()
        waits = [
            0.0 if due else max(next_seconds, 0.0)
            for due, next_seconds in (self._due(entry, last_runs.get(entry.name)) for entry in self._known())
        ]
        return min([MAX_SLEEP_SECONDS, *waits])

    def run_forever(self, stop: threading.Event) -> None:
        """Run what is due, sleep until the next entry is due, again, until `stop` is set."""
        names = ", ".join(f"{entry.name} ({entry.schedule})" for entry in self.entries) or "nothing"
        logger.info("periodic scheduler started: %s", names)
        while not stop.is_set():
            self.run_due()
            wait = self.seconds_until_next()
            if wait > 0:
                logger.debug("periodic scheduler sleeps %.0fs", wait)
                stop.wait(wait)
        logger.info("periodic scheduler stopped")
