"""The one question before something is deleted, revoked or reset: a page of its own, so it works without
JavaScript. Only its "Yes" button (a POST with confirm=yes) goes ahead; a GET, or a POST without that answer
(an old form, a stray request), shows the question again and changes nothing.

    if not confirmed(request):
        return ask(request, question=_("Delete this letter?"), item=letter.company, back=letters_url)
    do_delete_cover_letter(letter, actor=request.user)
"""

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import pgettext


def confirmed(request) -> bool:
    """Whether this request is the answer "yes" from the question's page."""
    return request.method == "POST" and request.POST.get("confirm") == "yes"


def ask(
    request,
    *,
    question: str,
    back: str,
    item: str = "",
    explanation: str = "",
    yes: str = "",
    formal: bool = False,
    undoable: bool = False,
):
    """The question's page. `item` names what goes (shown bold), `back` is where "No" leads. Texts for
    students say "du"; `formal=True` for staff and guardians ("Sie"). `undoable` for actions that can be
    made good again (a consent can be given anew), which then skip "You cannot undo this."."""
    if undoable:
        warning = ""
    elif formal:
        warning = pgettext("formal", "You cannot undo this.")
    else:
        warning = _("You cannot undo this.")
    context = {
        "question": question,
        "explanation": explanation,
        "item": item,
        "warning": warning,
        "yes": yes or _("Yes, delete"),
        "no": _("No, keep it"),
        "back": back,
    }
    return render(request, "students/confirm.html", context)
