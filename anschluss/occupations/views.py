"""Public occupation pages: what an occupation is, in plain German, with related occupations and what other
apps contribute (the offer portal: current offers).
"""

from django.db.models import Q
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from anschluss.core import sections

from .models import Occupation, OccupationalField
from .sections import annotate_counts


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
    # Without NUL characters, which PostgreSQL cannot compare.
    q = request.GET.get("q", "").replace("\x00", "").strip()[:100]
    occupations = Occupation.objects.filter(is_current=True).select_related("field")
    if q:
        occupations = occupations.filter(Q(name__icontains=q) | Q(search_terms__icontains=q))
    else:
        occupations = occupations.exclude(description="")
    listed = list(occupations.order_by("field__position", "name"))
    annotate_counts(listed)  # e.g. the number of current offers (registered by the offer portal)
    fields: dict = {}
    for occupation in listed:
        fields.setdefault(occupation.field, []).append(occupation)
    context = {"fields": list(fields.items()), "q": q, "count": sum(len(v) for v in fields.values())}
    return render(request, "occupations/list.html", context)


@require_safe
def occupation_detail(request, municipality: str, slug: str):
    occupation = get_object_or_404(Occupation.objects.select_related("field", "kldb"), slug=slug)
    context = {
        "occupation": occupation,
        "related": related_occupations(occupation),
        # What other apps show here, e.g. the current offers (see core/sections.py).
        "sections": sections.render("occupations.occupation", request, occupation),
        "fields": OccupationalField.objects.all(),
    }
    return render(request, "occupations/detail.html", context)
