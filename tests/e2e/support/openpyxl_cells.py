"""Every filled cell of every sheet of an .xlsx file, as openpyxl reads it (cached values of formulas), in JSON.

An independent reader for the corpus test: dates come out as Excel serial numbers, as the project's reader gives
them, and a cell that openpyxl cannot type is written as its text.
"""
import datetime
import json
import sys
import warnings

import openpyxl
from openpyxl.utils.datetime import to_excel

warnings.simplefilter("ignore")


def plain(value):
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return to_excel(value)
    if isinstance(value, datetime.timedelta):
        return value.total_seconds() / 86400
    return str(value)


def main(path):
    workbook = openpyxl.load_workbook(path, data_only=True, read_only=False)
    sheets = {}
    for sheet in workbook.worksheets:
        cells = []
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None or cell.value == "":
                    continue
                cells.append([cell.row - 1, cell.column - 1, plain(cell.value)])
        sheets[sheet.title] = cells
    json.dump(sheets, sys.stdout, ensure_ascii=False)


main(sys.argv[1])
