from django.core.management.base import BaseCommand

from anschluss.students.services.rights import apply_retention_everywhere


class Command(BaseCommand):
    help = (
        "Delete students whose school records have passed their retention period (VO-DV I). The same job runs "
        "daily as the periodic task anschluss.students.apply_retention."
    )

    def handle(self, *args, **options):
        total = sum(apply_retention_everywhere().values())
        self.stdout.write(f"{total} students deleted.")
