"""Background tasks of the placements app: thin, they unpack ids and call a service."""

from celery import shared_task

from .services.matching import execute_run


@shared_task
def execute_match_run(run_id: int) -> None:
    execute_run(run_id)
