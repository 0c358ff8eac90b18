from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_scopes import ScopedManager


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("The audit log is append-only.")

    def delete(self):
        raise PermissionError("The audit log is append-only.")


class AuditEntry(models.Model):
    """One line of the append-only audit log: who did or read what, when, and why.

    On PostgreSQL a trigger refuses UPDATE and DELETE on the table (migration 0002); here the model refuses too.
    """

    class Kind(models.TextChoices):
        WRITE = "write", pgettext_lazy("audit entry kind", "Change")
        READ = "read", _("Read of personal data")

    municipality = models.ForeignKey(
        "core.Municipality", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    kind = models.CharField(_("kind"), max_length=5, choices=Kind.choices, default=Kind.WRITE)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        # DO_NOTHING without a database constraint: deleting an account must not rewrite the log.
        on_delete=models.DO_NOTHING,
        null=True,
        blank=True,
        related_name="+",
        db_constraint=False,
        verbose_name=_("who"),
    )
    actor_label = models.CharField(_("who"), max_length=200, help_text=_("Kept when the account is deleted."))
    action = models.CharField(_("action"), max_length=80, db_index=True)
    target_type = models.CharField(_("object type"), max_length=80, blank=True)
    target_id = models.CharField(_("object ID"), max_length=40, blank=True)
    target_label = models.CharField(_("object"), max_length=200, blank=True)
    reason = models.CharField(_("why"), max_length=200, blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)

    objects = ScopedManager(
        municipality="municipality", _manager_class=models.Manager.from_queryset(AuditEntryQuerySet)
    )

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-created", "-id"]
        indexes = [
            models.Index(fields=["municipality", "-created"]),
            models.Index(fields=["target_type", "target_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.created:%Y-%m-%d %H:%M} {self.actor_label} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("The audit log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The audit log is append-only.")
