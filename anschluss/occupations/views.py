"""Public occupation pages: what an occupation is, in plain German, with related occupations and current offers."""

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from .models import Occupation, OccupationalField

OFFERS_SHOWN = 5


def related_occupations(occupation: Occupation, limit: int = 8) -> list[Occupation]:
    """Same KldB occupational group (3 digits) first, then the same KAoA field; described ones first."""
    others = Occupation.objects.filter(is_current=True).exclude(pk=occupation.pk)
    by_kldb = (
        list(
            others.filter(kldb__code__startswith=occupation.kldb_code[:3]).order_by("-description", "name")[
                :limit
            ]
        )
        if occupation.kldb_code
        else []
    )
    if len(by_kldb) >= limit or occupation.field_id is None:
        return by_kldb[:limit]
    by_field = others.filter(field=occupation.field).exclude(pk__in=[o.pk for o in by_kldb])
    return by_kldb + list(by_field.exclude(description="").order_by("name")[: limit - len(by_kldb)])


@require_safe
def occupation_list(request, municipality: str):
    from anschluss.offers.search import published_offers

    # Without NUL characters, which PostgreSQL cannot compare.
    q = request.GET.get("q", "").replace("\x00", "").strip()[:100]
    occupations = Occupation.objects.filter(is_current=True).select_related("field")
    if q:
        occupations = occupations.filter(Q(name__icontains=q) | Q(search_terms__icontains=q))
    else:
        occupations = occupations.exclude(description="")
    links = Occupation.offers.through.objects.filter(offer__in=published_offers(), occupation__in=occupations)
    offer_counts: dict[int, int] = {
        row["occupation_id"]: row["n"] for row in links.values("occupation_id").annotate(n=Count("offer_id"))
    }
    fields: dict = {}
    for occupation in occupations.order_by("field__position", "name"):
        occupation.offer_count = offer_counts.get(occupation.pk, 0)  # type: ignore[attr-defined]
        fields.setdefault(occupation.field, []).append(occupation)
    context = {"fields": list(fields.items()), "q": q, "count": sum(len(v) for v in fields.values())}
    return render(request, "occupations/list.html", context)


@require_safe
def occupation_detail(request, municipality: str, slug: str):
    from anschluss.offers.search import list_columns, published_offers

    occupation = get_object_or_404(Occupation.objects.select_related("field", "kldb"), slug=slug)
    offers = published_offers().filter(occupations=occupation)
    context = {
        "occupation": occupation,
        "related": related_occupations(occupation),
        # A few of the newest; the search (linked with the count) has all of them, with map and filters.
        "offers": list_columns(offers).order_by("-published_at")[:OFFERS_SHOWN],
        "offer_count": offers.count(),
        "fields": OccupationalField.objects.all(),
    }
    return render(request, "occupations/detail.html", context)
