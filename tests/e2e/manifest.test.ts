/**
 * The manifest validated offline against Microsoft's XSD schemas (../shared/schemas/office-addin-manifest), as
 * the online `office-addin-manifest validate` cannot reach its service here. Missing schemas or xmllint fail the test.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "../..");
const schemaDir = process.env.CTG_MANIFEST_SCHEMAS ?? resolve(root, "../shared/schemas/office-addin-manifest");
const schema = join(schemaDir, "OfficeAppManifestV1_1.xsd");

function xmllint(file: string): { ok: boolean; output: string } {
  const result = spawnSync("xmllint", ["--noout", "--schema", schema, file], { encoding: "utf8" });
  if (result.error) throw new Error(`xmllint cannot run (${result.error.message}): install the Debian package libxml2-utils`);
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

describe("manifest.xml", () => {
  beforeAll(() => {
    if (!existsSync(schema)) throw new Error(`Manifest schemas not found at ${schemaDir}: the test cannot validate the manifest`);
    execFileSync("xmllint", ["--version"], { stdio: "pipe" });
  });

  it.each(["manifest.xml", "dist/manifest.xml"])("%s validates against the XSD schemas", (file) => {
    const path = join(root, file);
    expect(existsSync(path)).toBe(true);
    const result = xmllint(path);
    expect(result.output).toContain("validates");
    expect(result.ok).toBe(true);
  });

  it("is a French task pane add-in asking only for ReadWriteDocument, with four ribbon buttons", () => {
    const xml = readFileSync(join(root, "manifest.xml"), "utf8");
    expect(xml).toMatch(/xsi:type="TaskPaneApp"/);
    expect(xml).toMatch(/<DefaultLocale>fr-FR<\/DefaultLocale>/);
    expect([...xml.matchAll(/<Permissions>([^<]*)<\/Permissions>/g)].map((match) => match[1])).toEqual(["ReadWriteDocument"]);
    expect([...xml.matchAll(/<Control xsi:type="Button"/g)]).toHaveLength(4);
    expect(xml).toMatch(/DefaultValue="Tableau de suivi"/);
    expect(xml).toMatch(/DefaultValue="Saisie trimestrielle"/);
    expect(xml).toMatch(/DefaultValue="Générer le bilan"/);
    expect(xml).toMatch(/taskpane\.html\?vue=bilan"/);
    expect(xml).toMatch(/DefaultValue="Consolider des territoires"/);
    expect(xml).toMatch(/taskpane\.html\?vue=consolider"/);
    expect(xml).toMatch(/<Host Name="Workbook"\/>/);
  });

  it("points every icon to a real PNG of the announced size", () => {
    const xml = readFileSync(join(root, "manifest.xml"), "utf8");
    const icons = [...xml.matchAll(/https:\/\/localhost:3000\/(assets\/[^"]+\.png)/g)].map((match) => match[1]);
    expect(icons.length).toBeGreaterThanOrEqual(6);
    for (const icon of icons) {
      const bytes = readFileSync(join(root, icon));
      expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
      const size = Number(/-(\d+)\.png$/.exec(icon)![1]);
      expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([size, size]);
    }
    for (const size of [16, 32, 64, 80]) expect(existsSync(join(root, `assets/icon-${size}.png`))).toBe(true);
  });

  it("rewrites the localhost URLs of dist/manifest.xml only when a public URL is given", () => {
    const built = readFileSync(join(root, "dist/manifest.xml"), "utf8");
    const expected = process.env.CTG_PUBLIC_URL ?? "https://localhost:3000/";
    expect(built).toContain(`${expected}taskpane.html`);
  });

  it("rejects a broken manifest, so the check can fail", () => {
    const xml = readFileSync(join(root, "manifest.xml"), "utf8").replace(
      "<Permissions>ReadWriteDocument</Permissions>",
      "<Permissions>Everything</Permissions>",
    );
    const file = join(mkdtempSync(join(tmpdir(), "ctg-manifest-")), "manifest.xml");
    writeFileSync(file, xml);
    expect(xmllint(file).ok).toBe(false);
  });
});
