"""Matching runs: start one, watch its progress, compare both modes, adopt one, read the explanations."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from anschluss.core.audit import log_reads
from anschluss.core.permissions import permission_required
from anschluss.core.services import ServiceError

from ..explanations import explain_assignment
from ..models import MatchRun
from ..queries import out_of_date_runs
from ..services import do_adopt_run, do_start_run
from ..students import round_students
from .common import back_to_round, get_round, get_run, get_run_round, report


@require_POST
@permission_required("placements.manage_round", get_round)
def run_start(request, municipality: str, pk: int):
    round_ = get_round(request, pk)
    mode = request.POST.get("mode", "")
    if mode not in MatchRun.Mode.values:
        # Only the known ways of matching; anything else changes nothing and says why.
        messages.error(
            request,
            _("Choose a way of matching: “%(stable)s” or “%(welfare)s”.")
            % {"stable": MatchRun.Mode.STABLE.label, "welfare": MatchRun.Mode.WELFARE.label},
        )
        return back_to_round(request, round_)
    try:
        run = do_start_run(round_, mode, actor=request.user)
    except ServiceError as error:
        report(request, error)
        return back_to_round(request, round_)
    return redirect("placements:run_detail", municipality=request.municipality.slug, pk=run.pk)


def _rows(run: MatchRun):
    students = {s.pk: s for s in round_students(run.round).filter(pk__in=[int(k) for k in run.assignments])}
    places = {p.pk: p for p in run.round.places.select_related("company")}
    rows = []
    for key, assignment in run.assignments.items():
        student = students.get(int(key))
        if student is not None:
            # The stored assignment names the place by its id; the row shows the place itself.
            rows.append({**assignment, "student": student, "place": places.get(assignment["place"])})
    return sorted(
        rows, key=lambda r: (r["student"].school.name, r["student"].last_name, r["student"].first_name)
    )


@require_safe
@permission_required("placements.manage_round", get_run_round)
def run_detail(request, municipality: str, pk: int):
    run = get_run(request, pk)
    rows = _rows(run) if run.status == MatchRun.Status.DONE else []
    log_reads(request.user, [row["student"] for row in rows], reason="match run results")
    context = {
        "run": run,
        "round": run.round,
        "rows": rows,
        "out_of_date": run.pk in out_of_date_runs(run.round, [run]),
    }
    return render(request, "placements/run_detail.html", context)


@require_safe
@permission_required("placements.manage_round", get_run_round)
def run_progress(request, municipality: str, pk: int):
    run = get_run(request, pk)
    response = render(request, "placements/partials/run_progress.html", {"run": run})
    if request.headers.get("HX-Request") and run.status in (MatchRun.Status.DONE, MatchRun.Status.FAILED):
        response["HX-Refresh"] = "true"
    return response


@require_safe
@permission_required("placements.manage_round", get_round)
def run_compare(request, municipality: str, pk: int):
    round_ = get_round(request, pk)
    done = round_.runs.filter(status=MatchRun.Status.DONE)
    runs = [run for mode in MatchRun.Mode.values if (run := done.filter(mode=mode).first()) is not None]
    schools = sorted({row["school"] for run in runs for row in run.stats.get("by_school", [])})
    per_school = [
        {
            "school": name,
            "runs": [next((r for r in run.stats["by_school"] if r["school"] == name), None) for run in runs],
        }
        for name in schools
    ]
    context = {
        "round": round_,
        "runs": runs,
        "per_school": per_school,
        "buckets": ["2", "4", "6", "8", "more"],
        "out_of_date": out_of_date_runs(round_, runs),
    }
    return render(request, "placements/run_compare.html", context)


@require_POST
@permission_required("placements.manage_round", get_run_round)
def run_adopt(request, municipality: str, pk: int):
    run = get_run(request, pk)
    try:
        count = do_adopt_run(run, actor=request.user)
    except ServiceError as error:
        report(request, error)
        return back_to_round(request, run.round)
    messages.success(
        request, _("%(count)s placements are proposed. You can still change them.") % {"count": count}
    )
    return back_to_round(request, run.round, "placements:placement_list")


@require_safe
@permission_required("placements.manage_round", get_run_round)
def run_explain(request, municipality: str, pk: int, student: int):
    run = get_run(request, pk)
    assignment = run.assignments.get(str(student))
    if assignment is None:
        raise Http404
    student_obj = get_object_or_404(round_students(run.round), pk=student)
    log_reads(request.user, [student_obj], reason="placement explanation")
    places = {p.pk: p for p in run.round.places.select_related("company")}
    sentences = explain_assignment(assignment, places, run.round.max_commute_km)
    context = {
        "run": run,
        "round": run.round,
        "student": student_obj,
        "sentences": sentences,
        "assignment": assignment,
    }
    return render(request, "placements/run_explain.html", context)
