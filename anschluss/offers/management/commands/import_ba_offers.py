from django.core.management.base import BaseCommand, CommandError
from django_scopes import scope

from anschluss.core.models import Municipality
from anschluss.offers.ba.importer import do_import_ba_offers


class Command(BaseCommand):
    help = "Import apprenticeships and internships from the Jobsuche of the Bundesagentur für Arbeit."

    def add_arguments(self, parser):
        parser.add_argument("municipality", help="URL name of the municipality, e.g. dortmund")

    def handle(self, *args, **options):
        municipality = Municipality.objects.filter(slug=options["municipality"]).first()
        if municipality is None:
            raise CommandError(f"There is no municipality {options['municipality']!r}.")
        with scope(municipality=municipality.pk):
            result = do_import_ba_offers(municipality)
        if result.error:
            raise CommandError(f"The Jobsuche import failed, nothing was changed: {result.error}")
        self.stdout.write(
            self.style.SUCCESS(", ".join(f"{v} {k}" for k, v in result.as_dict().items() if k != "error"))
        )
