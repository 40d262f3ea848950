"""What openpyxl reads of a sheet's protection, its tables' filters and some cells' locks, in JSON.

    /usr/bin/python3 openpyxl_protection.py FILE.xlsx SHEET:CELL[,CELL...] [SHEET:CELL...]
    -> {"SHEET": {"protection": {"sheet", "autoFilter", "sort"}, "tables": {NAME: {"ref", "autoFilter"}},
                  "locked": {CELL: bool}}}

openpyxl is an independent reader: it reports the protection flags as the file states them (true = the action is
protected against), the tables with their filter range, and each cell's own lock.
"""
import json
import sys
import warnings

import openpyxl

warnings.simplefilter("ignore")


def main(path, requests):
    workbook = openpyxl.load_workbook(path)
    result = {}
    for request in requests:
        name, _, cells = request.partition(":")
        sheet = workbook[name]
        protection = sheet.protection
        result[name] = {
            "protection": {"sheet": bool(protection.sheet), "autoFilter": bool(protection.autoFilter), "sort": bool(protection.sort)},
            "tables": {
                table.name: {"ref": table.ref, "autoFilter": table.autoFilter.ref if table.autoFilter is not None else None}
                for table in sheet.tables.values()
            },
            "locked": {cell: bool(sheet[cell].protection.locked) for cell in cells.split(",") if cell},
        }
    json.dump(result, sys.stdout, ensure_ascii=False)


main(sys.argv[1], sys.argv[2:])
