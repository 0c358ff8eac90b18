from django.core.management.base import BaseCommand
from django.utils import translation

from anschluss.accounts.personas import PERSONAS
from anschluss.core.demo import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = (
        "Load the Dortmund demo (real districts and schools, invented companies, the personas). Idempotent."
    )

    def handle(self, *args, **options):
        result = load_demo()
        counts = ", ".join(f"{value} {key}" for key, value in result["counts"].items())
        self.stdout.write(self.style.SUCCESS(f"Demo loaded: {counts}."))
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        # In English, like the rest of the command's output and the persona table in README.md.
        with translation.override("en"):
            for persona in PERSONAS:
                login = persona.email or persona.username
                where = "Beispielstadt" if persona.municipality == "other" else "Dortmund"
                if persona.is_platform_admin:
                    where = "all municipalities"
                role = str(persona.role.label) if persona.role else "Platform admin"
                self.stdout.write(f"  {persona.key:<32} {login:<45} {role} ({where})")
