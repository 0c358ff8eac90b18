"""The interest quiz: the 60 items of the O*NET Interest Profiler Short Form, scored into a RIASEC profile,
and the occupational fields and occupations it suggests. The mapping is explained in docs/students.md.
"""

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

DATA_FILE = (
    Path(__file__).resolve().parent / "data" / "interests" / "onet_interest_profiler_short_form_items.csv"
)
AREAS = "RIASEC"
AREA_NAMES = {
    "R": _("Practical: building, repairing, working outdoors"),
    "I": _("Researching: finding out how things work"),
    "A": _("Creative: designing, writing, making music"),
    "S": _("Social: helping, teaching, caring"),
    "E": _("Enterprising: leading, selling, convincing"),
    "C": _("Organising: keeping order, numbers, lists"),
}
AREA_SHORT = {
    "R": _("Practical"),
    "I": _("Researching"),
    "A": _("Creative"),
    "S": _("Social"),
    "E": _("Enterprising"),
    "C": _("Organising"),
}
SCALE = [
    (1, _("Not at all")),
    (2, _("Not really")),
    (3, _("Not sure")),
    (4, _("Quite")),
    (5, _("Very much")),
]
PAGE_SIZE = 6
PAGES = 10

# The typical Holland code of the occupations in each of KAoA's 16 occupational fields (first letter weighs 3,
# second 2, third 1). Editorial, from the codes O*NET gives to typical occupations of each field; see
# docs/students.md for the reasoning and how to change it.
FIELD_CODES = {
    "BAV": "RCI",
    "D": "ESR",
    "EL": "RIC",
    "G": "SIR",
    "GESGE": "ISA",
    "ITC": "ICR",
    "KKG": "ARE",
    "LANAUM": "RIS",
    "M": "RCI",
    "ME": "AEC",
    "N": "IRC",
    "PRFE": "RCE",
    "SP": "SAE",
    "TEC": "RIE",
    "VL": "RCE",
    "WIVE": "CES",
}
# Training occupations with many starters in NRW (BIBB DAZUBI, see docs/students.md) come first in suggestions.
POPULAR = [
    "Kaufmann/-frau für Büromanagement",
    "Kraftfahrzeugmechatroniker",
    "Medizinische",
    "Verkäufer",
    "Fachinformatiker",
    "Kaufmann/-frau im Einzelhandel",
    "Industriekaufmann",
    "Elektroniker",
    "Anlagenmechaniker",
    "Zahnmedizinische",
    "Industriemechaniker",
    "Fachkraft für Lagerlogistik",
    "Tischler",
    "Friseur",
    "Koch",
    "Bäcker",
    "Maler",
    "Gärtner",
    "Erzieher",
    "Mediengestalter",
]


@dataclass(frozen=True)
class Item:
    key: str
    area: str
    text_en: str
    text_de: str

    @property
    def text(self) -> str:
        return self.text_de if (get_language() or "de").startswith("de") else self.text_en


@cache
def items() -> list[Item]:
    """All 60 items, interleaved by area (R, I, A, S, E, C, R, …) as the official instrument asks them."""
    with DATA_FILE.open(encoding="utf-8", newline="") as f:
        rows = [
            Item(r["item_id"], r["riasec"], r["item_text_en"], r["item_text_de"]) for r in csv.DictReader(f)
        ]
    by_area = {area: [i for i in rows if i.area == area] for area in AREAS}
    return [by_area[area][n] for n in range(10) for area in AREAS]


def item_keys() -> set[str]:
    return {item.key for item in items()}


def page_items(page: int) -> list[Item]:
    return items()[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]


def first_open_page(answers: dict[str, int]) -> int:
    """Where to continue: the first page with an unanswered item, or the last page when all are answered."""
    for page in range(1, PAGES + 1):
        if any(item.key not in answers for item in page_items(page)):
            return page
    return PAGES


@dataclass(frozen=True)
class Profile:
    scores: dict[str, int]  # area -> 10..50 (sum of its ten answers)
    answered: int

    @property
    def complete(self) -> bool:
        return self.answered == len(items())

    @property
    def code(self) -> str:
        """The Holland code: the three strongest areas, ties in RIASEC order."""
        ranked = sorted(AREAS, key=lambda a: (-self.scores[a], AREAS.index(a)))
        return "".join(ranked[:3])

    def bars(self) -> list[dict]:
        return [
            {
                "area": a,
                "name": AREA_SHORT[a],
                "description": AREA_NAMES[a],
                "score": self.scores[a],
                "percent": round((self.scores[a] - 10) * 100 / 40),
            }
            for a in sorted(AREAS, key=lambda a: (-self.scores[a], AREAS.index(a)))
        ]


def profile(answers: dict[str, int]) -> Profile:
    scores = dict.fromkeys(AREAS, 0)
    keys = item_keys()
    for item in items():
        scores[item.area] += answers.get(item.key, 0)
    return Profile(scores=scores, answered=len(set(answers) & keys))


def field_ranking(result: Profile) -> list[tuple[str, int]]:
    """KAoA field keys with their match score (0–100), best first."""
    ranking = []
    for field, code in FIELD_CODES.items():
        weighted = sum(weight * result.scores[area] for weight, area in zip((3, 2, 1), code, strict=True))
        # 60 = 6 × 10 (all "not at all"), 300 = 6 × 50 (all "very much").
        ranking.append((field, round((weighted - 60) * 100 / 240)))
    return sorted(ranking, key=lambda pair: (-pair[1], list(FIELD_CODES).index(pair[0])))


def suggestions(result: Profile, *, fields: int = 3, per_field: int = 5) -> list[dict]:
    """The best occupational fields with some training occupations each (popular ones first)."""
    from anschluss.occupations.models import Occupation, OccupationalField

    top = [key for key, _score in field_ranking(result)[:fields]]
    known = {f.key: f for f in OccupationalField.objects.filter(key__in=top)}
    result_list = []
    for key in top:
        field = known.get(key)
        if field is None:
            continue
        occupations = list(Occupation.objects.filter(field=field, is_current=True).order_by("name"))
        occupations.sort(key=lambda o: next((n for n, p in enumerate(POPULAR) if o.name.startswith(p)), 99))
        result_list.append({"field": field, "occupations": occupations[:per_field]})
    return result_list
