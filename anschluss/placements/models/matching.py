from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from .round import PlacementRound, RoundPlace


class Preference(models.Model):
    """A student's choice: place at rank 1 (first choice) to the round's maximum."""

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    round = models.ForeignKey(PlacementRound, on_delete=models.CASCADE, related_name="preferences")
    student = models.ForeignKey(
        "students.Student", on_delete=models.CASCADE, related_name="placement_preferences"
    )
    place = models.ForeignKey(RoundPlace, on_delete=models.CASCADE, related_name="preferences")
    rank = models.PositiveSmallIntegerField(_("rank"))

    objects = ScopedManager(municipality="municipality")

    class Meta:
        ordering = ["student", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["round", "student", "rank"], name="preference_unique_rank"),
            models.UniqueConstraint(fields=["round", "student", "place"], name="preference_unique_place"),
        ]

    def __str__(self) -> str:
        return f"{self.rank}. {self.place_id}"


class MatchRun(models.Model):
    """One run of the engine on a round, in one mode; its result is a proposal until a liaison adopts it."""

    class Mode(models.TextChoices):
        STABLE = "stable", _("Fair by priority (stable)")
        WELFARE = "welfare", _("As many students as possible")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    round = models.ForeignKey(PlacementRound, on_delete=models.CASCADE, related_name="runs")
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    seed = models.PositiveIntegerField(_("lottery seed"))
    # {student_id: {"place": place_id|None, "rank": int|None, "km": float|None, "reasons": [...]}}
    assignments = models.JSONField(default=dict)
    stats = models.JSONField(default=dict)
    # SHA-256 of the engine's complete input when the run was computed (instance_builder.input_fingerprint):
    # choices, students, places and capacities, priorities, seed and maximum commute. Empty until it ran.
    input_fingerprint = models.CharField(_("input fingerprint"), max_length=64, blank=True, editable=False)
    error = models.TextField(blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    finished = models.DateTimeField(null=True, blank=True)

    objects = ScopedManager(municipality="municipality")

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.round} – {self.get_mode_display()}"

    def matches_input(self, fingerprint: str) -> bool:
        """Whether this run was computed from the input with this fingerprint. A run without a fingerprint
        (not finished, or computed before runs kept one) matches no input."""
        return bool(self.input_fingerprint) and self.input_fingerprint == fingerprint


class Placement(models.Model):
    """A student–place pair of a round: proposed after a run is adopted, then confirmed for everyone."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        CONFIRMED = "confirmed", _("Confirmed")

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="+")
    round = models.ForeignKey(PlacementRound, on_delete=models.CASCADE, related_name="placements")
    student = models.ForeignKey("students.Student", on_delete=models.CASCADE, related_name="placements")
    place = models.ForeignKey(RoundPlace, on_delete=models.PROTECT, related_name="placements")
    rank = models.PositiveSmallIntegerField(
        _("choice"), null=True, blank=True, help_text=_("None: placed by hand")
    )
    distance_km = models.FloatField(_("commute (km)"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED)
    source_run = models.ForeignKey(
        MatchRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    confirmed = models.DateTimeField(null=True, blank=True)

    objects = ScopedManager(municipality="municipality")

    class Meta:
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        ordering = ["student__last_name", "student__first_name"]
        # A student has at most one place per round, whoever confirms: the database refuses a second.
        constraints = [models.UniqueConstraint(fields=["round", "student"], name="placement_one_per_student")]

    def __str__(self) -> str:
        return f"{self.student} → {self.place}"
