"""The occupations' part of the demo: the training occupations and their fields from the reference data."""

from anschluss.core.demo import DemoWorld, demo_loader

from .reference_data import import_occupations


@demo_loader(20)
def load_occupations(world: DemoWorld) -> dict[str, int]:
    return import_occupations()
