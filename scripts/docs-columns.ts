/** `npm run docs:columns`: writes the tables generated from the sheets' specs into docs/format-classeur.md. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { withColumnTables } from "../src/workbook/columns-doc";

const file = join(process.cwd(), "docs", "format-classeur.md");
const before = readFileSync(file, "utf8");
const after = withColumnTables(before);
writeFileSync(file, after);
console.log(before === after ? "docs/format-classeur.md était à jour." : "docs/format-classeur.md mis à jour depuis src/workbook/tableau-columns.ts.");
