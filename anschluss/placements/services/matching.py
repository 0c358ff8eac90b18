"""Matching runs: start one (the task `execute_match_run` beside it does the work), run the engine, adopt a run's
result."""

from collections import Counter
from typing import Any

from celery import shared_task
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scope, scopes_disabled

from anschluss.core.audit import log_action
from anschluss.core.services import ServiceError, require

from ..engine import blocking_pairs, explain_all, stable_match, welfare_match
from ..instance_builder import build_round_instance, current_fingerprint
from ..models import MatchRun, Placement, PlacementRound
from ..students import round_students
from .base import locked_round, require_status

# Upper bounds (km) of the commute buckets shown side by side; the last bucket is open.
COMMUTE_BUCKETS = [2, 4, 6, 8]


def commute_bucket(km: float) -> str:
    for upper in COMMUTE_BUCKETS:
        if km <= upper:
            return str(upper)
    return "more"


@transaction.atomic
def do_start_run(round_: PlacementRound, mode: str, *, actor) -> MatchRun:
    """Queue a run of the engine in `mode` (stable or welfare); needs placements.manage_round and a round that
    is open or closed for choices. The task starts after the commit; without a broker it runs at once."""
    require(actor, "placements.manage_round", round_)
    require_status(round_, PlacementRound.Status.OPEN, PlacementRound.Status.CLOSED)
    if mode not in MatchRun.Mode.values:
        raise ServiceError(_("Choose a way of matching."), field="mode")
    run = MatchRun.objects.create(
        municipality_id=round_.municipality_id, round=round_, mode=mode, seed=round_.seed, started_by=actor
    )
    log_action(actor, "placements.matchrun.start", run, {"mode": mode})
    transaction.on_commit(lambda: execute_match_run.delay(run.pk))
    return run


def _progress(run: MatchRun, status: str, progress: int) -> None:
    run.status, run.progress = status, progress
    run.save(update_fields=["status", "progress"])


def execute_run(run_id: int) -> MatchRun:
    """Run the engine for a queued MatchRun and store assignments, explanations and statistics (the task's
    body; the actor is the system). A failure is stored on the run, never raised to the worker."""
    with scopes_disabled():
        municipality_id = MatchRun.objects.values_list("municipality_id", flat=True).get(pk=run_id)
    with scope(municipality=municipality_id):
        run = MatchRun.objects.select_related("round").get(pk=run_id)
        if run.status != MatchRun.Status.QUEUED:
            return run
        _progress(run, MatchRun.Status.RUNNING, 10)
        try:
            built = build_round_instance(run.round)
            _progress(run, MatchRun.Status.RUNNING, 40)
            match = stable_match if run.mode == MatchRun.Mode.STABLE else welfare_match
            result = match(built.instance)
            _progress(run, MatchRun.Status.RUNNING, 70)
            run.assignments = _assignments(built, result)
            run.stats = _stats(run.round, built, result, run.assignments)
            run.input_fingerprint = built.fingerprint
        except Exception as exc:  # the run shows what went wrong; the worker stays alive
            run.status, run.error, run.finished = MatchRun.Status.FAILED, str(exc)[:2000], timezone.now()
            run.save(update_fields=["status", "error", "finished"])
            log_action(None, "placements.matchrun.fail", run, {"error": str(exc)[:200]})
            return run
        run.status, run.progress, run.finished = MatchRun.Status.DONE, 100, timezone.now()
        run.save(
            update_fields=["assignments", "stats", "input_fingerprint", "status", "progress", "finished"]
        )
        log_action(None, "placements.matchrun.finish", run, {"placed": run.stats["placed"]})
        return run


# The registered name is the one the task had in placements/tasks.py: queued runs and the settings keep working.
@shared_task(name="anschluss.placements.tasks.execute_match_run")
def execute_match_run(run_id: int) -> None:
    """The background task of a run: thin, it calls execute_run with the run's id."""
    execute_run(run_id)


def _assignments(built, result) -> dict[str, dict]:
    place_ids = built.place_ids
    assignments: dict[str, dict] = {}
    explained = explain_all(built.instance, result)
    for index, student_id in enumerate(built.student_ids):
        reasons: list[dict[str, Any]] = [
            {
                "code": reason.code,
                "place": place_ids[reason.place] if reason.place is not None else None,
                "rank": reason.rank + 1 if reason.rank is not None else None,
                "data": reason.data,
            }
            for reason in explained[index]
        ]
        placed = int(result.place[index]) >= 0
        assignments[str(student_id)] = {
            "place": place_ids[int(result.place[index])] if placed else None,
            "rank": int(result.rank[index]) + 1 if placed else None,
            "km": reasons[0]["data"].get("distance_km") if placed else None,
            "reasons": reasons,
        }
    return assignments


def _stats(round_: PlacementRound, built, result, assignments: dict) -> dict:
    students = {s.pk: s for s in round_students(round_)}
    commute = Counter(commute_bucket(a["km"]) for a in assignments.values() if a["place"] is not None)
    per_school: dict[int, dict] = {}
    for student_id, assignment in assignments.items():
        school = students[int(student_id)].school
        row = per_school.setdefault(
            school.pk, {"school": school.name, "students": 0, "placed": 0, "ranks": 0}
        )
        row["students"] += 1
        if assignment["place"] is not None:
            row["placed"] += 1
            row["ranks"] += assignment["rank"]
    for row in per_school.values():
        row["mean_rank"] = round(row.pop("ranks") / row["placed"], 2) if row["placed"] else None
    return {
        "eligible": built.eligible,
        "without_choices": built.without_choices,
        "students": len(built.student_ids),
        "placed": result.placed,
        "unplaced": len(built.student_ids) - result.placed,
        "mean_rank": round(result.mean_rank(), 2),
        "first_choice": int((result.rank == 0).sum()),
        "commute": {key: commute.get(key, 0) for key in [*map(str, COMMUTE_BUCKETS), "more"]},
        "by_school": sorted(per_school.values(), key=lambda row: row["school"]),
        "blocking_pairs": len(blocking_pairs(built.instance, result)),
    }


def check_run_is_current(round_: PlacementRound, run: MatchRun) -> None:
    """Refuse a run whose input has changed since it was computed: a student changed, added or removed a
    choice, a student with choices joined or left the round, a place was added, removed or changed its capacity
    or site, or a priority setting, the seed or the maximum commute changed. Adopting it would place students
    by outdated choices (or overfill a place), so the liaison is asked to run the matching again."""
    if not run.matches_input(current_fingerprint(round_)):
        raise ServiceError(
            _("The choices or places have changed since this run. Please start the matching again.")
        )


@transaction.atomic
def do_adopt_run(run: MatchRun, *, actor) -> int:
    """Make a finished run's result the round's proposal: replaces all proposed placements of the round.
    Needs placements.manage_round and a round whose choices are closed, and refuses a run whose input (choices,
    students, places, settings) changed since it was computed; runs under the round's row lock, so two
    adoptions at once end with the placements of one run, never a student twice. Returns placements made."""
    require(actor, "placements.manage_round", run.round)
    round_ = locked_round(run.round)
    require_status(round_, PlacementRound.Status.CLOSED)
    if run.status != MatchRun.Status.DONE:
        raise ServiceError(_("This run has not finished."))
    check_run_is_current(round_, run)
    Placement.objects.filter(round=round_).delete()
    placements = Placement.objects.bulk_create(
        Placement(
            municipality_id=round_.municipality_id,
            round=round_,
            student_id=int(student_id),
            place_id=assignment["place"],
            rank=assignment["rank"],
            distance_km=assignment["km"],
            source_run=run,
        )
        for student_id, assignment in sorted(run.assignments.items())
        if assignment["place"] is not None
    )
    log_action(actor, "placements.matchrun.adopt", run, {"placements": len(placements)})
    return len(placements)
