from django.core.management.base import BaseCommand
from django_scopes import scope

from anschluss.core.models import Municipality
from anschluss.students.services.rights import apply_retention


class Command(BaseCommand):
    help = "Delete students whose school records have passed their retention period (VO-DV I). Run daily."

    def handle(self, *args, **options):
        total = 0
        for municipality in Municipality.objects.all():
            with scope(municipality=municipality.pk):
                total += apply_retention()
        self.stdout.write(f"{total} students deleted.")
