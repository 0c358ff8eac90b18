from django.core.management.base import BaseCommand

from anschluss.occupations.reference_data import import_occupations


class Command(BaseCommand):
    help = "Import the KldB 2010, KAoA's occupational fields and the NRW training occupations (idempotent)."

    def handle(self, *args, **options):
        counts = import_occupations()
        self.stdout.write(self.style.SUCCESS(", ".join(f"{v} {k}" for k, v in counts.items())))
