"""The accounts' part of the demo: the personas, each with their login in the command's summary."""

from django.utils import translation

from anschluss.core.demo import DEMO_PASSWORD, DemoWorld, demo_loader

from .personas import PERSONAS, create_personas


@demo_loader(10)
def load_personas(world: DemoWorld) -> dict[str, int]:
    world.users = create_personas(
        world.municipalities, world.organisations, password=DEMO_PASSWORD, demo=True
    )
    world.summary.append(f"Demo logins (password for all: {DEMO_PASSWORD}):")
    # In English, like the rest of the command's output and the persona table in README.md.
    with translation.override("en"):
        for persona in PERSONAS:
            login = persona.email or persona.username
            where = "Beispielstadt" if persona.municipality == "other" else "Dortmund"
            if persona.is_platform_admin:
                where = "all municipalities"
            role = str(persona.role.label) if persona.role else "Platform admin"
            world.summary.append(f"  {persona.key:<32} {login:<45} {role} ({where})")
    return {"personas": len(world.users)}
