"""`manage.py run_periodic`: the periodic tasks of settings.CELERY_BEAT_SCHEDULE on the embedded default.

Runs what is due at start, then sleeps until the next entry is due; SIGTERM and SIGINT (Ctrl+C) end it cleanly
after the task that is running. `--once` runs what is due now and exits (for tests and cron). Refuses to start
when CELERY_BROKER_URL is set: Celery beat runs the schedule then. See docs/operations.md.
"""

import signal
import threading

from django.core.management.base import BaseCommand, CommandError

from anschluss.core.periodic import BrokerConfigured, Scheduler


class Command(BaseCommand):
    help = (
        "Run the periodic tasks (settings.CELERY_BEAT_SCHEDULE) in this process, without a broker: what is due "
        "now, then each at its time. --once: run what is due and exit."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run what is due now and exit (for cron).")

    def handle(self, *args, once: bool = False, **options):
        try:
            scheduler = Scheduler.for_embedded_default()
        except BrokerConfigured as error:
            raise CommandError(str(error)) from None
        if scheduler.unknown:
            self.stderr.write("Unknown tasks in CELERY_BEAT_SCHEDULE: " + ", ".join(scheduler.unknown))
        if once:
            runs = scheduler.run_due()
            failed = [run.entry for run in runs if not run.succeeded]
            self.stdout.write(f"{len(runs)} periodic task(s) run, {len(failed)} failed.")
            if failed:
                raise CommandError("Failed: " + ", ".join(failed))
            return
        stop = threading.Event()

        def request_stop(signum, frame):
            stop.set()

        signal.signal(signal.SIGTERM, request_stop)
        signal.signal(signal.SIGINT, request_stop)
        scheduler.run_forever(stop)
