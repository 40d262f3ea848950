/**
 * The inputs of `ctg import` and `ctg init` that once exhausted memory, one per class, written for the bench to
 * time each in a process of its own: a text répertoire with a 50 MB line (1.45 GB before its limits), a 6 MB plan
 * file, a plan whose convention ends in 9999 (4.2 GB before the period was bounded) and a Word document of
 * 1.8 million paragraphs under a prefix other than `w:` (4.3 GB when only `w:p` was counted). Each is now refused
 * in French before it costs memory.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { samplePlan } from "../src/samples/sample-plan";
import { repertoireText } from "../tests/support/repertoire-writer";
import { zipOf } from "../tests/support/zips";

export interface HostileInputCase {
  kind: string;
  command: "import" | "init";
  /** The répertoire for `ctg import FILE`, or the plan for `ctg init --plan FILE`. */
  file: string;
}

const WORDPROCESSING = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

export async function hostileInputCases(dir: string): Promise<HostileInputCase[]> {
  const cases: HostileInputCase[] = [];
  const write = (kind: string, command: HostileInputCase["command"], name: string, content: string | Uint8Array) => {
    const file = join(dir, name);
    writeFileSync(file, content);
    cases.push({ kind, command, file });
  };

  // The sample plan's répertoire with one line of 50 MB after its tenth.
  const lines = repertoireText(samplePlan()).split("\n");
  lines.splice(10, 0, "x".repeat(50 * 1024 * 1024));
  write("text répertoire with a 50 MB line", "import", "ligne-50-mo.txt", lines.join("\n"));

  // A valid plan, made large by the free text of one fiche: only its size is wrong.
  const large = samplePlan();
  const json = JSON.stringify(large);
  large.axes[0].subAxes[0].actions[0].sections = { Descriptif: "x".repeat(6 * 1024 * 1024 - json.length) };
  write("plan JSON of 6 MB", "init", "plan-6-mo.json", JSON.stringify(large));

  const forever = samplePlan();
  forever.convention.end = "9999-12-31";
  write("plan whose convention ends in 9999", "init", "plan-9999.json", JSON.stringify(forever));

  // Numbered paragraphs compress about as a real document does, below the archive guard's ratio.
  const paragraphs: string[] = [];
  for (let index = 0; index < 1_800_000; index++) paragraphs.push(`<x:p><x:r><x:t>${(index * 2654435761) % 1e9}</x:t></x:r></x:p>`);
  write(
    ".docx of 1.8 million paragraphs under the prefix x:",
    "import",
    "paragraphes-x.docx",
    zipOf({
      "[Content_Types].xml":
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>',
      "_rels/.rels":
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      "word/document.xml": `<?xml version="1.0"?><x:document xmlns:x="${WORDPROCESSING}"><x:body>${paragraphs.join("")}</x:body></x:document>`,
    }),
  );
  return cases;
}
