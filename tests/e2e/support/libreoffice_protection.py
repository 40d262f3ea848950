"""What LibreOffice makes of the protection and the filters of an .xlsx file, in JSON.

    /usr/bin/python3 libreoffice_protection.py FILE.xlsx SPEC.json
    SPEC: {"type": [{"sheet": S, "cell": "H4", "text": "essai"}, ...],
           "filters": [{"sheet": S, "table": "Saisies", "header": "Trimestre", "value": "2026-T2"}, ...]}
    -> {"typed": [{"sheet", "cell", "protected", "locked", "before", "after"}, ...],
        "filters": [{"sheet", "table", "protected", "autoFilter", "rows", "visible": [values of the header's column]}]}

An independent judge for the e2e tests, LibreOffice's own verdicts:
- "typed": the text is typed in the cell as a person does, through LibreOffice's editing command (.uno:EnterString
  on the selected cell), which refuses a locked cell of a protected sheet; UNO's setString would not ask.
- "filters": the table's database range as LibreOffice imported it (its AutoFilter buttons), then the query its
  filter runs, kept to the rows whose `header` column is `value`, on the sheet as protected as it was loaded.
Needs the Debian package python3-uno (Debian's python3).
"""
import json
import os
import sys

from libreoffice_invalid_cells import TIMED_OUT, TIMEOUT_SECONDS, prop, sheet_named, with_document

from com.sun.star.sheet import TableFilterField
from com.sun.star.sheet.FilterOperator import EQUAL


def typed(document, context, path, probes):
    desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    helper = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
    url = document.URL
    result = []
    reloaded = None
    try:
        for index, probe in enumerate(probes):
            if index > 0:
                # Each probe types in the file as it was loaded, the document of the one before closed: LibreOffice
                # 7.4 dies at a second refusal while the first one's error message, which no one closes here, is up.
                document.close(True)
                reloaded = document = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True), prop("MacroExecutionMode", 0)))
            controller = document.CurrentController
            sheet = sheet_named(document, path, probe["sheet"])
            controller.setActiveSheet(sheet)
            cell = sheet.getCellRangeByName(probe["cell"])
            before = cell.getString()
            controller.select(cell)
            helper.executeDispatch(controller.Frame, ".uno:EnterString", "", 0, (prop("StringName", probe["text"]),))
            result.append({
                "sheet": probe["sheet"],
                "cell": probe["cell"],
                "protected": sheet.isProtected(),
                "locked": cell.CellProtection.IsLocked,
                "before": before,
                "after": cell.getString(),
            })
    finally:
        if reloaded is not None:
            reloaded.close(True)
    return result


def filtered(document, path, requests):
    result = []
    for request in requests:
        sheet = sheet_named(document, path, request["sheet"])
        ranges = document.DatabaseRanges
        if not ranges.hasByName(request["table"]):
            raise RuntimeError(f"LibreOffice has no database range {request['table']!r} in {path}: {ranges.ElementNames}")
        database = ranges.getByName(request["table"])
        area = database.DataArea
        block = sheet.getCellRangeByPosition(area.StartColumn, area.StartRow, area.EndColumn, area.EndRow)
        headers = [block.getCellByPosition(col, 0).getString() for col in range(area.EndColumn - area.StartColumn + 1)]
        if request["header"] not in headers:
            raise RuntimeError(f"no column {request['header']!r} in {request['table']}: {headers}")
        column = headers.index(request["header"])
        descriptor = block.createFilterDescriptor(True)
        field = TableFilterField()
        field.Field = column
        field.Operator = EQUAL
        field.IsNumeric = False
        field.StringValue = request["value"]
        descriptor.setFilterFields((field,))
        descriptor.ContainsHeader = True
        block.filter(descriptor)
        rows = sheet.getRows()
        visible = [row for row in range(area.StartRow + 1, area.EndRow + 1) if rows.getByIndex(row).IsVisible]
        result.append({
            "sheet": request["sheet"],
            "table": request["table"],
            "protected": sheet.isProtected(),
            "autoFilter": database.AutoFilter,
            "rows": area.EndRow - area.StartRow,
            "visible": [sheet.getCellByPosition(area.StartColumn + column, row).getString() for row in visible],
        })
    return result


def judge(path, spec):
    # Each on the file as it was loaded, in a LibreOffice of its own: rows a filter hides are not typed in, and a
    # refusal's error message, which no one closes here, must not be up while the filter runs.
    return {
        "typed": with_document(path, lambda document, context: typed(document, context, path, spec.get("type", []))),
        "filters": with_document(path, lambda document, _context: filtered(document, path, spec.get("filters", []))),
    }


def main(argv):
    if len(argv) != 3:
        sys.exit(f"usage: {argv[0]} FILE.xlsx SPEC.json")
    if not os.path.isfile(argv[1]):
        sys.exit(f"no such file: {argv[1]}")
    with open(argv[2], encoding="utf-8") as spec:
        request = json.load(spec)
    try:
        result = judge(os.path.abspath(argv[1]), request)
    except Exception as error:
        reason = f"LibreOffice took more than {TIMEOUT_SECONDS} s and was killed; " if TIMED_OUT.is_set() else ""
        sys.exit(f"libreoffice_protection: {reason}{type(error).__name__}: {error}")
    json.dump(result, sys.stdout, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main(sys.argv)
