/** docs/format-classeur.md says what the code does: its column tables are the ones the sheets' specs generate. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { columnTables, withColumnTables } from "../../src/workbook/columns-doc";
import { headersOf, MEASUREMENTS_SPEC, TRACKING_SPEC } from "../../src/workbook/tableau-columns";

const document = readFileSync(join(__dirname, "..", "..", "docs", "format-classeur.md"), "utf8");

describe("docs/format-classeur.md", () => {
  it("holds the column tables generated from tableau-columns.ts (run npm run docs:columns after changing a sheet)", () => {
    expect(withColumnTables(document)).toBe(document);
  });

  it("generates one row per column of each sheet, with the rule the cells get", () => {
    const tables = columnTables();
    for (const [name, spec] of [
      ["tracking", TRACKING_SPEC],
      ["measurements", MEASUREMENTS_SPEC],
    ] as const) {
      const rows = tables[name].split("\n").slice(2);
      expect(rows.map((row) => row.split(" | ")[0].replace(/^\| `|`$/g, ""))).toEqual(Object.values(headersOf(spec)));
    }
    expect(tables.tracking).toMatch(/`Avancement` .* \| oui \| décimal entre 0 et 1, 2 décimales au plus \|/);
    expect(tables["value-types"]).toMatch(/Montant \(€\) .* décimal ≥ 0, 2 décimales au plus \|/);
  });
});
