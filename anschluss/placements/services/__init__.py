"""Writes of the placements app: each do_* checks its permission, runs atomically and logs the action.

Importing this package registers the Celery task of matching runs (`matching.execute_match_run`); the app's
AppConfig.ready imports it, so the task is known as soon as Django has started."""

from .aftercare import do_answer_host_again, do_give_feedback, do_request_host_again
from .agreements import do_record_paper_signature, do_sign_agreement
from .choices import do_remind_students, do_set_choices
from .matching import do_adopt_run, do_start_run, execute_match_run, execute_run
from .placements import CommuteWarning, do_assign_student, do_confirm_round, do_remove_placement
from .rounds import do_create_round, do_offer_place, do_set_round_status, do_update_place, do_update_round

__all__ = [
    "CommuteWarning",
    "do_adopt_run",
    "do_answer_host_again",
    "do_assign_student",
    "do_confirm_round",
    "do_create_round",
    "do_give_feedback",
    "do_offer_place",
    "do_record_paper_signature",
    "do_remind_students",
    "do_remove_placement",
    "do_request_host_again",
    "do_set_choices",
    "do_set_round_status",
    "do_sign_agreement",
    "do_start_run",
    "do_update_place",
    "do_update_round",
    "execute_match_run",
    "execute_run",
]
