"""The CSVs as one Excel workbook (``--xlsx``), for readers who live in spreadsheets.

Cells arrive as the CSV writer wrote them, so the same formula-injection guard holds: a cell that
a spreadsheet would run as a formula already starts with an apostrophe, and every cell is written
as text (openpyxl would otherwise store "=..." as a formula). Numbers stay text too: the data
package (``datapackage.json``) says which columns are numeric.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

import pandas as pd

# Excel's limit on sheet-name length.
SHEET_NAME_MAX = 31


def workbook_bytes(frames: Mapping[str, pd.DataFrame]) -> bytes:
    """One sheet per CSV (sheet named after the file), header row frozen, cells as text."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, frame in frames.items():
        sheet = book.create_sheet(name.removesuffix(".csv")[:SHEET_NAME_MAX])
        sheet.append(list(frame.columns))
        for row in frame.itertuples(index=False):
            sheet.append([_text(v) for v in row])
        for cells in sheet.iter_rows(min_row=2):
            for cell in cells:
                cell.data_type = "s"
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _text(value: object) -> str:
    return "" if value is None else str(value)
