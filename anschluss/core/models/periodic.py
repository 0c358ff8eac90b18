from django.db import models
from django.utils.translation import gettext_lazy as _


class PeriodicTaskRun(models.Model):
    """The last run of one entry of settings.CELERY_BEAT_SCHEDULE under `manage.py run_periodic`.

    Platform-wide (the tasks loop over the municipalities themselves). The scheduler claims a run by moving
    `last_run_at` forward in one UPDATE, so two schedulers (or a cron `--once` beside a running one) never run
    the same entry twice; a restart picks up where the last process stopped. For a crontab entry that has not
    run yet, `last_run_at` is when the scheduler first saw it (`succeeded` is then empty)."""

    name = models.CharField(_("schedule entry"), max_length=200, unique=True)
    task = models.CharField(_("task"), max_length=200)
    last_run_at = models.DateTimeField(_("last run"))
    duration = models.FloatField(_("duration (seconds)"), null=True, blank=True)
    succeeded = models.BooleanField(_("succeeded"), null=True)
    summary = models.TextField(_("result or error"), blank=True)

    class Meta:
        verbose_name = _("periodic task run")
        verbose_name_plural = _("periodic task runs")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.last_run_at:%Y-%m-%d %H:%M})"
