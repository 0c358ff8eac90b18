"""Celery: eager (in-process) when CELERY_BROKER_URL is unset, real workers on Redis when it is set."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "anschluss.settings")

app = Celery("anschluss")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
