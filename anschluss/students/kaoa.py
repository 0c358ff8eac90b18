"""The official KAoA catalogue (SBO 2–10) as read-only reference data, and which elements each grade expects.

The catalogue is the school administration's (SchILD/SVWS, data/kaoa/SOURCE.md); its texts are the official
German names, shown as they are printed on certificates.
"""

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data" / "kaoa"
SEK_I_GRADES = (8, 9, 10)
_GRADE_NAMES = {"JAHRGANG_08": 8, "JAHRGANG_09": 9, "JAHRGANG_10": 10, "EF": 11, "Q1": 12, "Q2": 13}
# Details that record that a student did *not* take part, or broke off.
_NEGATIVE = (
    "keine teilnahme",
    "kein ",
    "nicht durchgeführt",
    "nicht ausgefüllt",
    "abgebrochen",
    "keine star",
)

# What each grade of Sek I is expected to have done by its end (cumulative), from the KAoA standard elements:
# the portfolio (Berufswahlpass) and the Potenzialanalyse and three Berufsfelderkundungen in grade 8, the
# internship and individual counselling in grade 9, the application phase and the Anschlussvereinbarung in 10.
EXPECTED_BY_GRADE: dict[int, tuple[str, ...]] = {
    8: ("SBO_3_4", "SBO_4_1", "SBO_5_1"),
    9: ("SBO_6_1", "SBO_2_1"),
    10: ("SBO_10_1", "SBO_10_6"),
}


@dataclass(frozen=True)
class Entry:
    key: str  # "SBO_5_1_1"
    code: str  # "SBO 5.1.1"
    text: str
    level: int  # 1 category, 2 feature, 3 detail, 4 fourth level
    parent: str = ""
    option: str = "KEINE"
    grades: tuple[int, ...] = field(default=())

    @property
    def label(self) -> str:
        return f"{self.code} {self.text}"

    @property
    def is_star(self) -> bool:
        """STAR elements are for students with special needs; teachers record them."""
        return "STAR" in self.text

    @property
    def is_positive(self) -> bool:
        lowered = self.text.lower()
        return not any(marker in lowered for marker in _NEGATIVE)


def _current(record: dict) -> dict:
    return record["historie"][-1]


def _read(name: str) -> list[dict]:
    data = json.loads((DATA_DIR / f"{name}.json").read_text(encoding="utf-8"))
    return [
        {"key": d["bezeichner"], **_current(d)} for d in data["daten"] if not _current(d).get("gueltigBis")
    ]


@cache
def catalogue() -> dict[str, Entry]:
    entries: dict[str, Entry] = {}
    for row in _read("KAOAKategorie"):
        grades = tuple(_GRADE_NAMES[g] for g in row["jahrgaenge"] if g in _GRADE_NAMES)
        entries[row["key"]] = Entry(row["key"], row["kuerzel"], row["text"], 1, grades=grades)
    for row in _read("KAOAMerkmal"):
        entries[row["key"]] = Entry(
            row["key"], row["kuerzel"], row["text"], 2, row["kategorie"], row["optionsart"]
        )
    for row in _read("KAOAZusatzmerkmal"):
        entries[row["key"]] = Entry(
            row["key"], row["kuerzel"], row["text"], 3, row["merkmal"], row["optionsart"]
        )
    for row in _read("KAOAEbene4"):
        entries[row["key"]] = Entry(row["key"], row["kuerzel"], row["text"], 4, row["zusatzmerkmal"])
    return entries


def entry(key: str) -> Entry | None:
    return catalogue().get(key)


def children(key: str) -> list[Entry]:
    return [e for e in catalogue().values() if e.parent == key]


def category_of(key: str) -> Entry | None:
    current = entry(key)
    while current is not None and current.parent:
        current = entry(current.parent)
    return current


def grades_of(key: str) -> tuple[int, ...]:
    category = category_of(key)
    return category.grades if category else ()


def details(*, for_student: bool) -> list[Entry]:
    """The details one can record, in catalogue order. Students see the positive, non-STAR ones of Sek I;
    teachers see all."""
    result = []
    for detail in (e for e in catalogue().values() if e.level == 3):
        if for_student:
            grades = grades_of(detail.key)
            if detail.is_star or not detail.is_positive or not set(grades) & set(SEK_I_GRADES):
                continue
        result.append(detail)
    return result


def grouped_details(*, for_student: bool) -> list[tuple[str, list[tuple[str, str]]]]:
    """Choices for a select: grouped by feature ("SBO 5.1 Berufsfelderkundungen"), each detail by key."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for detail in details(for_student=for_student):
        feature = entry(detail.parent)
        label = feature.label if feature else detail.parent
        groups.setdefault(label, []).append((detail.key, detail.label))
    return list(groups.items())


def expected_features(grade: int | None) -> list[Entry]:
    """The features a student of `grade` should have by the end of it (cumulative over Sek I)."""
    if grade is None:
        return []
    keys = [key for g, group in sorted(EXPECTED_BY_GRADE.items()) if g <= grade for key in group]
    return [e for e in (entry(k) for k in keys) if e is not None]
