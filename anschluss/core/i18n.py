"""Compile and check the gettext catalogues without GNU gettext (polib is pure Python).

python -m anschluss.core.i18n compile   # every locale/*/LC_MESSAGES/django.po -> django.mo
python -m anschluss.core.i18n check     # German must be complete: no untranslated or fuzzy entries
"""

import sys
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
COMPLETE_LANGUAGES = ["de"]


def catalogues() -> list[Path]:
    return sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))


def compile_all() -> int:
    for po_path in catalogues():
        polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
    return 0


def check_complete() -> int:
    problems = []
    for language in COMPLETE_LANGUAGES:
        for po_path in (LOCALE_DIR / language / "LC_MESSAGES").glob("*.po"):
            po = polib.pofile(str(po_path))
            missing = [e.msgid for e in po.untranslated_entries()]
            fuzzy = [e.msgid for e in po.fuzzy_entries()]
            problems += [f"{po_path}: untranslated: {m!r}" for m in missing]
            problems += [f"{po_path}: fuzzy: {m!r}" for m in fuzzy]
    for line in problems:
        print(line, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "compile":
        sys.exit(compile_all())
    if command == "check":
        sys.exit(check_complete())
    print(__doc__, file=sys.stderr)
    sys.exit(2)
