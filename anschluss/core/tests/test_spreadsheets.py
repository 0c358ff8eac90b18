"""core.spreadsheets: user text reaches XLSX files as text, never as a formula."""

import io

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook, load_workbook

from anschluss.core.spreadsheets import append_row, looks_like_formula, sheet_title, validate_not_formula


def _round_trip(values):
    book = Workbook()
    sheet = book.active
    append_row(sheet, values)
    buffer = io.BytesIO()
    book.save(buffer)
    return next(load_workbook(io.BytesIO(buffer.getvalue())).active.iter_rows())


@pytest.mark.parametrize("text", ["=1+1", "+49 231 1234", "-2+3", "@SUM(A1)", "\tTab", "=cmd|' /C calc'!A0"])
def test_formula_like_text_stays_text_and_looks_the_same(text):
    (cell,) = _round_trip([text])
    assert cell.value == text
    assert cell.data_type == "s"
    assert cell.quotePrefix


def test_other_values_are_written_as_they_are():
    cells = _round_trip(["Mia", 7, None, "#N/A", "9b\x01"])
    assert [c.value for c in cells] == ["Mia", 7, None, "#N/A", "9b"]
    assert cells[0].data_type == "s" and not cells[0].quotePrefix
    assert cells[1].data_type == "n"
    # An error code as text is text, not an Excel error.
    assert cells[3].data_type == "s"


def test_looks_like_formula_and_the_validator():
    assert looks_like_formula("=A1") and looks_like_formula("-1") and not looks_like_formula("Anna-Lena")
    with pytest.raises(ValidationError):
        validate_not_formula("+1")
    validate_not_formula("Öztürk")


def test_sheet_titles_are_valid():
    assert sheet_title("9/1 [Gruppe]: A*", "Klasse") == "9-1 -Gruppe-- A-"
    assert sheet_title("", "Klasse") == "Klasse"
    assert len(sheet_title("x" * 40, "Klasse")) == 31
