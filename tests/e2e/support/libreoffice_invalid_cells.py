"""The cells of an .xlsx file whose values break their data validation rule, as LibreOffice judges them, in JSON.

    /usr/bin/python3 libreoffice_invalid_cells.py FILE.xlsx SHEET [SHEET ...]
    -> {"SHEET": ["G2", "G5"], ...}

An independent evaluator for the e2e tests: the verdict is LibreOffice's own, not a re-implementation of the rules.
LibreOffice's UNO API has no "is this cell valid" call (TableValidation only describes the rule), so this uses
Tools > Detective > Mark Invalid Data: XSheetAuditing.showInvalid() draws a circle shape around every invalid cell,
and each circle's Anchor property is the cell it marks. Needs the Debian package python3-uno (Debian's python3).
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid

try:
    import uno
    from com.sun.star.beans import PropertyValue
    from com.sun.star.connection import NoConnectException
    from com.sun.star.sheet.ValidationType import ANY
    from com.sun.star.sheet.CellFlags import DATETIME, FORMULA, STRING, VALUE
    from com.sun.star.table import CellRangeAddress
except ImportError:
    sys.exit("the uno module is missing: install the Debian package python3-uno and run /usr/bin/python3")

# A hung LibreOffice (a dialog nobody sees, a deadlock) must not hang the tests: past this, soffice is killed,
# which makes the pending UNO call fail and the script exit non-zero.
TIMEOUT_SECONDS = 60
TIMED_OUT = threading.Event()
# LibreOffice stops drawing circles after this many per sheet and per call (SC_DET_MAXCIRCLE in its detfunc.cxx);
# a sheet with more invalid cells is asked again, see circled_cells.
MAX_CIRCLES = 1000


def prop(name, value):
    result = PropertyValue()
    result.Name = name
    result.Value = value
    return result


def a1(column, row):
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row + 1}"


def start_office(work_dir):
    """A soffice of our own: its own pipe and profile, so that it never joins another running instance."""
    pipe = f"invalid-cells-{uuid.uuid4().hex}"
    profile = uno.systemPathToFileUrl(os.path.join(work_dir, "profile"))
    with open(os.path.join(work_dir, "soffice.log"), "wb") as log:
        process = subprocess.Popen(
            ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
             f"--accept=pipe,name={pipe};urp;", f"-env:UserInstallation={profile}"],
            # soffice must not inherit our stdout: a caller reading it to the end would wait for soffice too.
            stdin=subprocess.DEVNULL, stdout=log, stderr=log,
            # Its own process group, so that the wrapper script, oosplash and soffice.bin can be killed together.
            start_new_session=True)
    return process, pipe


def kill_office(process, timed_out=False):
    if timed_out:
        TIMED_OUT.set()  # so that the error says why, not just which call failed
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def connect(process, pipe, work_dir, deadline):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            # The pipe only exists once soffice has started (about a second, more on a first-run profile).
            if process.poll() is not None:
                with open(os.path.join(work_dir, "soffice.log"), errors="replace") as log:
                    output = log.read()[-1000:].strip()
                raise RuntimeError(f"soffice exited with code {process.returncode} before accepting connections: "
                                   f"{output}")
            if time.monotonic() > deadline:
                raise RuntimeError("soffice did not accept connections in time")
            time.sleep(0.1)


def circled_cells(document, sheet):
    """(column, row) of the cells LibreOffice circles as invalid on this sheet, empty ones included."""
    draw_page = sheet.DrawPage
    found = set()
    while True:
        # Circles are appended after the file's own shapes (pictures, charts, notes), and a loaded file has none.
        before = draw_page.Count
        sheet.showInvalid()
        addresses = []
        for index in range(before, draw_page.Count):
            circle = draw_page.getByIndex(index)
            try:
                addresses.append(circle.Anchor.CellAddress)  # LibreOffice anchors each circle to its cell
            except AttributeError:
                raise RuntimeError(f"a {circle.ShapeType} from showInvalid is not anchored to a cell") from None
        found.update((address.Column, address.Row) for address in addresses)
        sheet.clearArrows()  # removes the circles, so that the next round's are again the last shapes
        if len(addresses) < MAX_CIRCLES:
            return found
        # LibreOffice gave up at its limit: take the validation off the cells already found, which changes no value
        # and so no other cell's verdict, and ask again for the rest.
        done = document.createInstance("com.sun.star.sheet.SheetCellRanges")
        done.addRangeAddresses([CellRangeAddress(a.Sheet, a.Column, a.Row, a.Column, a.Row) for a in addresses], False)
        rule = sheet.getCellByPosition(addresses[0].Column, addresses[0].Row).Validation
        rule.Type = ANY
        done.Validation = rule


def filled(sheet):
    """Whether a cell holds something, as one query: a UNO call per cell is slow when there are thousands."""
    ranges = sheet.queryContentCells(VALUE | DATETIME | STRING | FORMULA).RangeAddresses
    return lambda column, row: any(
        r.StartColumn <= column <= r.EndColumn and r.StartRow <= row <= r.EndRow for r in ranges)


def with_document(path, work):
    """work(document, component context) on the file loaded, hidden, in a soffice of our own that is killed if it
    hangs and always shut down after. (Not a contextlib context manager: contextlib sets __traceback__ on the
    exception it rethrows, which a UNO exception refuses.)"""
    work_dir = tempfile.mkdtemp(prefix="libreoffice-")
    process = watchdog = None
    document = None
    desktop = None
    try:
        # A copy of our own: LibreOffice refuses to load a file that another instance has locked (a .~lock file
        # left next to it), and this way ours writes its lock file in our directory only.
        copy = os.path.join(work_dir, "book" + os.path.splitext(path)[1])
        shutil.copyfile(path, copy)
        process, pipe = start_office(work_dir)
        watchdog = threading.Timer(TIMEOUT_SECONDS, kill_office, [process, True])
        watchdog.daemon = True
        watchdog.start()
        context = connect(process, pipe, work_dir, time.monotonic() + TIMEOUT_SECONDS)
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        document = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(copy), "_blank", 0, (prop("Hidden", True), prop("MacroExecutionMode", 0)))
        if document is None or not hasattr(document, "Sheets"):
            raise RuntimeError(f"LibreOffice could not open {path} as a spreadsheet")
        return work(document, context)
    finally:
        # The watchdog stays armed while closing: a shutdown that hangs is killed too.
        if document is not None:
            try:
                document.close(True)
            except Exception:
                pass
        stopped = False
        if desktop is not None:
            try:
                desktop.terminate()
            except Exception:
                pass  # the bridge often drops while soffice shuts down
            try:
                process.wait(10)
                stopped = True  # oosplash, the group's leader, only exits after soffice.bin
            except subprocess.TimeoutExpired:
                pass
        if process is not None and not stopped:
            kill_office(process)
            process.wait()
        if watchdog is not None:
            watchdog.cancel()
        shutil.rmtree(work_dir, ignore_errors=True)


def sheet_named(document, path, name):
    if not document.Sheets.hasByName(name):
        raise RuntimeError(f"no sheet named {name!r} in {path}")
    return document.Sheets.getByName(name)


def invalid_cells(path, sheet_names):
    def judge(document, _context):
        result = {}
        for name in sheet_names:
            sheet = sheet_named(document, path, name)
            # A rule that does not ignore blanks circles its empty cells too; only filled cells are asked for.
            is_filled = filled(sheet)
            cells = [(column, row) for column, row in circled_cells(document, sheet) if is_filled(column, row)]
            result[name] = [a1(column, row) for column, row in sorted(cells, key=lambda cell: (cell[1], cell[0]))]
        return result

    return with_document(path, judge)


def main(argv):
    if len(argv) < 3:
        sys.exit(f"usage: {argv[0]} FILE.xlsx SHEET [SHEET ...]")
    if not os.path.isfile(argv[1]):
        sys.exit(f"no such file: {argv[1]}")
    try:
        result = invalid_cells(os.path.abspath(argv[1]), argv[2:])
    except Exception as error:
        reason = f"LibreOffice took more than {TIMEOUT_SECONDS} s and was killed; " if TIMED_OUT.is_set() else ""
        sys.exit(f"libreoffice_invalid_cells: {reason}{type(error).__name__}: {error}")
    json.dump(result, sys.stdout)
    print()


if __name__ == "__main__":
    main(sys.argv)
