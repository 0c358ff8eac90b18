from anschluss.occupations.tests.matrix import _occupation
from anschluss.offers.tests.factories import make_offer
from anschluss.testing.matrix import Row, everyone


def _offer(world):
    return {"municipality": world.main.slug, "pk": make_offer(world).pk}


ROWS: list[Row] = [
    Row("api:schema", get=everyone(200), post=everyone(405)),
    Row("api:api-root", get=everyone(200), post=everyone(405)),
    Row("api:occupation-list", get=everyone(200), post=everyone(405)),
    Row(
        "api:occupation-detail",
        get=everyone(200),
        post=everyone(405),
        kwargs=lambda w: {"slug": _occupation(w)["slug"]},
    ),
    Row(
        "api:offer-list",
        get=everyone(200),
        post=everyone(405),
        kwargs=lambda w: {"municipality": w.main.slug},
    ),
    Row("api:offer-detail", get=everyone(200), post=everyone(405), kwargs=_offer),
    # Any other address under /api/ answers 404 in JSON.
    Row("api:not_found", get=everyone(404), post=everyone(404), kwargs=lambda w: {"path": "v1/nothing/"}),
]
