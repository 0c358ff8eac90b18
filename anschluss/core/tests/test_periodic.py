"""The scheduler of the embedded default (core/periodic.py, manage.py run_periodic), on an injected clock."""

import datetime
import logging
import threading
from zoneinfo import ZoneInfo

import pytest
from celery import Celery
from celery.schedules import crontab
from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import override_settings

from anschluss.core.models import PeriodicTaskRun
from anschluss.core.periodic import MAX_SLEEP_SECONDS, Entry, RunStore, Scheduler, entries_from

BERLIN = ZoneInfo("Europe/Berlin")

test_app = Celery("periodic-test", set_as_current=False)
test_app.conf.timezone = "Europe/Berlin"
calls: list[str] = []


@test_app.task(name="test.hourly")
def hourly():
    calls.append("hourly")
    return {"dortmund": 3}


@test_app.task(name="test.morning")
def morning():
    calls.append("morning")
    return "good morning"


@test_app.task(name="test.broken")
def broken():
    calls.append("broken")
    raise RuntimeError("the mail server is down")


class Clock:
    def __init__(self, start: datetime.datetime):
        self.now = start

    def __call__(self) -> datetime.datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += datetime.timedelta(**delta)


@pytest.fixture
def clock():
    return Clock(datetime.datetime(2026, 3, 2, 6, 30, tzinfo=BERLIN))


@pytest.fixture(autouse=True)
def _reset_calls():
    calls.clear()


@pytest.fixture(autouse=True, scope="module")
def _tasks_imported():
    # Celery's Django fix-up configures logging anew when the task modules are first imported: do it before
    # a test captures log records.
    from anschluss.celery import app
    from anschluss.core.periodic import import_tasks

    import_tasks(app)
    import_tasks(test_app)


def make(schedule, clock):
    return Scheduler(schedule, app=test_app, clock=clock, timer=lambda: 0.0)


SCHEDULE = {
    "hourly": {"task": "test.hourly", "schedule": 3600.0},
    "morning": {"task": "test.morning", "schedule": crontab(minute=0, hour=7)},
}


def test_due_entries_run_and_undue_ones_do_not(db, clock):
    scheduler = make(SCHEDULE, clock)
    runs = scheduler.run_due()
    # An interval entry that never ran is due at once; a crontab entry waits for its time (07:00).
    assert [run.entry for run in runs] == ["hourly"]
    assert calls == ["hourly"]
    assert scheduler.run_due() == []

    clock.advance(minutes=30, seconds=1)  # 07:00:01
    assert [run.entry for run in scheduler.run_due()] == ["morning"]
    clock.advance(minutes=29)  # 07:29:01: the hourly entry ran at 06:30
    assert scheduler.run_due() == []
    clock.advance(minutes=1)  # 07:30:01
    assert [run.entry for run in scheduler.run_due()] == ["hourly"]
    assert calls == ["hourly", "morning", "hourly"]

    hourly_row = PeriodicTaskRun.objects.get(name="hourly")
    assert hourly_row.last_run_at == clock.now
    assert hourly_row.succeeded is True
    assert hourly_row.summary == "{'dortmund': 3}"
    assert PeriodicTaskRun.objects.get(name="morning").summary == "'good morning'"


def test_crontab_hours_are_the_apps_time_zone_whatever_the_clocks(db):
    utc_clock = Clock(datetime.datetime(2026, 3, 2, 5, 59, 59, tzinfo=datetime.UTC))  # 06:59:59 in Berlin
    schedule = {"morning": SCHEDULE["morning"]}
    assert make(schedule, utc_clock).run_due() == []
    utc_clock.advance(seconds=2)  # 07:00:01 in Berlin
    assert [run.entry for run in make(schedule, utc_clock).run_due()] == ["morning"]
    utc_clock.advance(hours=1)  # 08:00:01 in Berlin, 07:00:01 UTC: not again
    assert make(schedule, utc_clock).run_due() == []


def test_last_runs_survive_a_new_scheduler(db, clock):
    assert [run.entry for run in make(SCHEDULE, clock).run_due()] == ["hourly"]
    clock.advance(minutes=10)
    # A restart (a new process) does not run the hourly entry again...
    assert make(SCHEDULE, clock).run_due() == []
    # ...nor does it forget the crontab entry it saw before 07:00.
    clock.advance(minutes=21)  # 07:01
    assert [run.entry for run in make(SCHEDULE, clock).run_due()] == ["morning"]
    clock.advance(minutes=30)  # 07:31
    assert [run.entry for run in make(SCHEDULE, clock).run_due()] == ["hourly"]
    assert calls == ["hourly", "morning", "hourly"]


def test_a_failing_task_is_logged_and_the_others_still_run(db, clock, caplog):
    schedule = {
        "broken": {"task": "test.broken", "schedule": 60.0},
        "hourly": {"task": "test.hourly", "schedule": 3600.0},
    }
    with caplog.at_level(logging.INFO, logger="anschluss.periodic"):
        runs = make(schedule, clock).run_due()
    assert calls == ["broken", "hourly"]
    assert [(run.entry, run.succeeded) for run in runs] == [("broken", False), ("hourly", True)]
    failure = next(record for record in caplog.records if record.levelno == logging.ERROR)
    assert "broken (test.broken) failed" in failure.getMessage()
    assert "the mail server is down" in failure.getMessage()
    assert failure.exc_info is not None
    assert any("hourly (test.hourly) ran in" in record.getMessage() for record in caplog.records)
    row = PeriodicTaskRun.objects.get(name="broken")
    assert row.succeeded is False
    assert "the mail server is down" in row.summary
    # A failed run counts as a run: it is tried again at its next time, not in a tight loop.
    assert make(schedule, clock).run_due() == []
    clock.advance(seconds=61)
    assert [run.entry for run in make(schedule, clock).run_due()] == ["broken"]


def test_an_unknown_task_name_is_reported_and_the_rest_runs(db, clock, caplog):
    schedule = {"ghost": {"task": "test.no_such_task", "schedule": 60.0}, **SCHEDULE}
    with caplog.at_level(logging.ERROR, logger="anschluss.periodic"):
        scheduler = make(schedule, clock)
    assert scheduler.unknown == ["ghost"]
    assert "no task named test.no_such_task" in caplog.text
    assert [run.entry for run in scheduler.run_due()] == ["hourly"]
    assert not PeriodicTaskRun.objects.filter(name="ghost").exists()


def test_it_sleeps_until_the_next_entry_is_due(db, clock):
    scheduler = make({"often": {"task": "test.hourly", "schedule": 60.0}}, clock)
    assert scheduler.seconds_until_next() == 0
    scheduler.run_due()
    assert scheduler.seconds_until_next() == 60
    clock.advance(seconds=45)
    assert scheduler.seconds_until_next() == 15
    # Never longer than MAX_SLEEP_SECONDS, so that a clock change is noticed.
    hourly = make({"hourly": SCHEDULE["hourly"]}, clock)
    hourly.run_due()
    assert hourly.seconds_until_next() == MAX_SLEEP_SECONDS


def test_run_forever_runs_what_is_due_between_sleeps_until_stopped(db, clock):
    class Stop(threading.Event):
        """Instead of sleeping, moves the clock on; stops after three sleeps."""

        def __init__(self):
            super().__init__()
            self.waits: list[float] = []

        def wait(self, timeout=None):
            self.waits.append(timeout)
            clock.advance(seconds=timeout)
            if len(self.waits) == 3:
                self.set()
            return self.is_set()

    stop = Stop()
    make({"often": {"task": "test.hourly", "schedule": 120.0}}, clock).run_forever(stop)
    assert stop.waits == [120, 120, 120]
    assert calls == ["hourly"] * 3


def test_a_run_is_claimed_once(db, clock):
    (entry,) = entries_from({"hourly": SCHEDULE["hourly"]}, app=test_app, clock=clock)
    store = RunStore()
    first = clock()
    assert store.claim(entry, None, first)
    assert not store.claim(entry, None, first)  # another scheduler saw no run either: it loses
    later = first + datetime.timedelta(hours=1)
    assert store.claim(entry, first, later)
    assert not store.claim(entry, first, later + datetime.timedelta(seconds=1))
    assert store.last_runs() == {"hourly": later}


def test_entries_accept_seconds_timedeltas_and_crontabs(clock):
    entries = entries_from(
        {
            "a": {"task": "x", "schedule": 30},
            "b": {"task": "y", "schedule": datetime.timedelta(minutes=5), "args": [1], "kwargs": {"k": 2}},
            "c": {"task": "z", "schedule": crontab(minute="*/15")},
        },
        app=test_app,
        clock=clock,
    )
    assert [type(entry) for entry in entries] == [Entry] * 3
    assert [entry.schedule.now() for entry in entries] == [clock.now] * 3
    assert entries[1].args == (1,) and entries[1].kwargs == {"k": 2}
    assert [entry.runs_at_once for entry in entries] == [True, True, False]
    with pytest.raises(ValueError, match="unknown schedule"):
        entries_from({"bad": {"task": "x", "schedule": "hourly"}}, app=test_app, clock=clock)


def test_the_settings_schedule_names_only_registered_tasks(db):
    scheduler = Scheduler()
    assert scheduler.unknown == []
    assert {entry.name for entry in scheduler.entries} == set(settings.CELERY_BEAT_SCHEDULE)


def test_run_periodic_once_runs_the_real_schedule(db, capsys):
    """Every interval entry runs at the first start; a crontab entry (the nightly retention) waits for its time."""
    from celery.schedules import crontab

    entries = settings.CELERY_BEAT_SCHEDULE.values()
    intervals = [entry for entry in entries if not isinstance(entry["schedule"], crontab)]
    assert intervals and len(intervals) < len(entries)
    call_command("run_periodic", "--once")
    assert f"{len(intervals)} periodic task(s) run, 0 failed." in capsys.readouterr().out
    assert PeriodicTaskRun.objects.filter(succeeded=True).count() == len(intervals)
    call_command("run_periodic", "--once")
    assert "0 periodic task(s) run" in capsys.readouterr().out


@override_settings(CELERY_BROKER_URL="redis://127.0.0.1:6379/0")
def test_run_periodic_refuses_to_start_when_a_broker_is_configured(db):
    with pytest.raises(CommandError, match="Celery beat runs the schedule"):
        call_command("run_periodic", "--once")
    assert not PeriodicTaskRun.objects.exists()


def test_celery_finds_the_tasks_in_tasks_modules_and_in_services():
    from anschluss.celery import app, service_modules

    app.loader.import_default_modules()
    assert "anschluss.placements.tasks.execute_match_run" in app.tasks
    assert "anschluss.offers.tasks.expire_offers" in app.tasks
    modules = service_modules()
    assert "anschluss.core.services" in modules
    assert any(name.startswith("anschluss.offers.services.") for name in modules)
