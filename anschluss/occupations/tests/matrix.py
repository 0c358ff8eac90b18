from anschluss.testing.matrix import Row, everyone


def _main(world):
    return {"municipality": world.main.slug}


def _occupation(world):
    from anschluss.occupations.models import Occupation

    occupation, _ = Occupation.objects.get_or_create(
        nrw_key="99999",
        defaults={"name": "Testberuf", "slug": "testberuf", "description": "Ein Beruf zum Testen."},
    )
    return {"municipality": world.main.slug, "slug": occupation.slug}


ROWS = [
    Row("occupations:list", get=everyone(200), post=everyone(405), kwargs=_main),
    Row("occupations:detail", get=everyone(200), post=everyone(405), kwargs=_occupation),
]
