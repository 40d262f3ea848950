"""Reads every cell of every sheet of the workbooks listed in a file, with openpyxl in read-only mode: the bare
read another tool does, that `ctg consolidate` is compared with. Prints one JSON line."""
import json
import resource
import sys
import time

try:
    from openpyxl import load_workbook
except ImportError:
    print(json.dumps({"missing": "openpyxl"}))
    sys.exit(0)

with open(sys.argv[1], encoding="utf-8") as listing:
    files = [line.strip() for line in listing if line.strip()]
start = time.perf_counter()
cells = 0
for path in files:
    workbook = load_workbook(path, read_only=True, data_only=True)
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(values_only=True):
            for value in row:
                if value is not None:
                    cells += 1
    workbook.close()
seconds = time.perf_counter() - start
print(json.dumps({"ms": round(seconds * 1000), "cells": cells, "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))
