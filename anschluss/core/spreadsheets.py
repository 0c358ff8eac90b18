"""Writing XLSX files (openpyxl) without formula injection.

Text that people typed (names, class names, notes) must reach a spreadsheet as text, never as a formula: a
student called "=HYPERLINK(…)" must not turn into a link or a calculation in the StuBO's Excel (CWE-1236).
Every XLSX export of the project writes its rows with `append_row`:

- every string becomes a text cell (openpyxl data type "s", written as an inline string). openpyxl would
  otherwise store any string that starts with "=" as a formula;
- a string that starts with a character a spreadsheet reads as the start of a formula (=, +, -, @, tab, CR,
  LF) also gets the cell flag `quotePrefix`. That is what Excel and LibreOffice store when someone types a
  leading apostrophe: the cell shows the text exactly as it is (no apostrophe is added to the value), and it
  stays text when someone edits the cell and presses Enter, or copies it elsewhere in the program;
- characters XML cannot carry (control characters) are dropped instead of failing the whole export.

`looks_like_formula` is the same test for input: imports refuse such names (see docs/students.md).
"""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
FORMULA_MESSAGE = _("May not start with =, +, - or @: a spreadsheet would take it for a formula.")


def looks_like_formula(text: str) -> bool:
    """True if a spreadsheet could take `text` for a formula (its first character starts one)."""
    return text.startswith(FORMULA_STARTS)


def validate_not_formula(value: str) -> None:
    """A form field validator for names and other text that goes into spreadsheets."""
    if looks_like_formula(value):
        raise ValidationError(FORMULA_MESSAGE, code="formula")


def _plain(text: str) -> str:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", text)


def append_row(sheet: Any, values: Iterable[Any]) -> None:
    """Append `values` as the next row of `sheet`; strings (and lazy translations) are written as plain text
    (see above). Numbers, dates and None are written as they are."""
    values = [_plain(str(value)) if isinstance(value, str | Promise) else value for value in values]
    sheet.append(values)
    row = sheet.max_row
    for column, value in enumerate(values, start=1):
        if not isinstance(value, str):
            continue
        cell = sheet.cell(row=row, column=column)
        cell.data_type = "s"
        if looks_like_formula(value):
            cell.quotePrefix = True


INVALID_TITLE_CHARACTERS = str.maketrans(dict.fromkeys("\\*?:/[]", "-"))


def sheet_title(text: str, default: str) -> str:
    """A valid worksheet name from user text: at most 31 characters, none of \\ * ? : / [ ]."""
    title = _plain(text).translate(INVALID_TITLE_CHARACTERS).strip().strip("'")[:31]
    return title or default
