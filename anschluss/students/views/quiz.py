"""The interest quiz: ten short pages of six questions; answers are saved page by page (and, with JavaScript,
click by click), so a student can stop at any time and go on later."""

from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from anschluss.core.services import ServiceError

from .. import interests
from ..services.profile import answers_of, do_reset_interests, do_save_interest_answers
from .common import own_student
from .confirm import ask, confirmed


@require_safe
@own_student
def quiz(request, municipality: str, student):
    answers = answers_of(student)
    context = {
        "answered": len(answers),
        "total": len(interests.items()),
        "next_page": interests.first_open_page(answers),
        "minutes": 8,
    }
    return render(request, "students/me/quiz_start.html", context)


def _posted_answers(post, page_items) -> dict[str, int]:
    answers = {}
    for item in page_items:
        raw = post.get(item.key)
        if raw:
            if raw not in {"1", "2", "3", "4", "5"}:
                raise ServiceError(_("Please choose one of the five answers."))
            answers[item.key] = int(raw)
    return answers


@require_http_methods(["GET", "POST"])
@own_student
def quiz_page(request, municipality: str, student, page: int):
    if not 1 <= page <= interests.PAGES:
        raise Http404
    items = interests.page_items(page)
    error = ""
    if request.method == "POST":
        try:
            answers = _posted_answers(request.POST, items)
            do_save_interest_answers(student, answers, actor=request.user)
        except ServiceError as exc:
            error = str(exc)
        else:
            if request.POST.get("action") == "pause":
                return redirect("students:quiz", municipality=municipality)
            if request.POST.get("action") == "back" and page > 1:
                return redirect("students:quiz_page", municipality=municipality, page=page - 1)
            missing = [item for item in items if item.key not in answers_of(student)]
            if missing:
                error = _("Please answer every question on this page.")
            elif page < interests.PAGES:
                return redirect("students:quiz_page", municipality=municipality, page=page + 1)
            else:
                return redirect("students:quiz_result", municipality=municipality)
    answers = answers_of(student)
    questions = [{"item": item, "value": answers.get(item.key)} for item in items]
    context = {
        "page": page,
        "pages": interests.PAGES,
        "questions": questions,
        "scale": interests.SCALE,
        "error": error,
        "answered": len(answers),
        "total": len(interests.items()),
    }
    return render(request, "students/me/quiz_page.html", context)


@require_POST
@own_student
def quiz_save(request, municipality: str, student):
    """Save-as-you-go for the quiz script: one answer as form data (item, value); answers in JSON."""
    item, value = request.POST.get("item", ""), request.POST.get("value", "")
    try:
        if item not in interests.item_keys() or value not in {"1", "2", "3", "4", "5"}:
            raise ServiceError(_("Please choose one of the five answers."))
        answered = do_save_interest_answers(student, {item: int(value)}, actor=request.user)
    except ServiceError as exc:
        return JsonResponse({"ok": False, "error": str(exc)}, status=400)
    return JsonResponse({"ok": True, "answered": answered, "total": len(interests.items())})


@require_safe
@own_student
def quiz_result(request, municipality: str, student):
    answers = answers_of(student)
    result = interests.profile(answers)
    if not result.complete:
        return redirect(
            "students:quiz_page", municipality=municipality, page=interests.first_open_page(answers)
        )
    context = {
        "result": result,
        "bars": result.bars(),
        "suggestions": interests.suggestions(result),
    }
    return render(request, "students/me/quiz_result.html", context)


@require_http_methods(["GET", "POST"])
@own_student
def quiz_reset(request, municipality: str, student):
    """Starting again deletes every answer: asks first (views/confirm.py)."""
    if not confirmed(request):
        return ask(
            request,
            question=_("Start the quiz again?"),
            explanation=_("All your answers are deleted. Then you start with question 1."),
            back=reverse("students:quiz", kwargs={"municipality": municipality}),
            yes=_("Yes, start again"),
        )
    do_reset_interests(student, actor=request.user)
    return redirect("students:quiz_page", municipality=municipality, page=1)
