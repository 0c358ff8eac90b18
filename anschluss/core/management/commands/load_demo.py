from django.core.management.base import BaseCommand

from anschluss.core.demo import load_demo


class Command(BaseCommand):
    help = (
        "Load the Dortmund demo (real districts and schools, invented companies, the personas). Idempotent."
    )

    def handle(self, *args, **options):
        world = load_demo()
        counts = ", ".join(f"{value} {key}" for key, value in world.counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demo loaded: {counts}."))
        self.stdout.write("")
        for line in world.summary:
            self.stdout.write(line)
