/**
 * A tableau updated in its file as a patch: the sheets the tableau owns are written again from their new plan,
 * and everything else the package holds goes through as it was: the users' own sheets, notes and threaded
 * comments, links, pictures and drawings, defined names, custom XML, the shared texts and styles the other cells use
 * (the product's are appended), the workbook's date system. What is anchored to a cell of a rewritten sheet moves
 * with its row; what would have nowhere to go makes the update refuse, naming it, before anything is written.
 *
 * Owned sheets keep their part, their place among the tabs and their relationships (but their tables, which are
 * written again). The calculation chain is dropped, as Excel and openpyxl allow: Excel rebuilds it when it opens
 * the file, and it would name cells that moved. A Strict OOXML package is written back as transitional OOXML, the
 * form every reader takes (the same content, other namespace names).
 */
import { EXIT_CODES, Refusal } from "../domain/refusal";
import { entryLabels, fileLabels, sheetLabels } from "../labels/catalog";
import type { SheetAlignment } from "../workbook/foreign-cells";
import { listed } from "../workbook/foreign-cells";
import { cellAddress, type WorkbookPlan } from "../workbook/sheet-plan";
import { type CellMap, remapDrawing, remapRefAttributes, remapReference, remapVmlNotes } from "./anchored-parts";
import type { DefinedName } from "./defined-names";
import { carriedCellXml, scanOwnedSheet } from "./owned-sheet-scan";
import { type Relationship, sortedNames, w3cStamp } from "./package-xml";
import { planSheetParts } from "./plan-sheet";
import { SharedStrings } from "./shared-strings";
import type { SheetParts } from "./sheet-parts";
import { StyleSheet } from "./style-sheet";
import { type SheetLayout, relationshipsPart, relativeTarget, sheetContentTypes, writeSheetParts } from "./workbook-writer";
import type { CarriedElements, FrameColumn } from "./worksheet-xml";
import { partName } from "./xlsx-reader";
import { XLSX_LIMITS } from "./xlsx-reader";
import { CONTENT_TYPES, NAMESPACES, RELATIONSHIP_TYPES } from "./xml-text";
import {
  type XmlElement,
  attributeOf,
  childElements,
  firstChild,
  localName,
  parseXml,
  prefixOf,
  prefixesFor,
  serializeElement,
  serializeXml,
  setAttribute,
} from "./xml-tree";
import { XmlMalformed } from "./xml-scanner";
import { WorkbookFileError } from "./file-error";
import { ZipArchive, bytesSource } from "./zip-archive";
import { ZipRefused } from "./zip-guard";
import { MemoryOutput, type SliceDeflater, ZipWriter } from "./zip-writer";

export interface UpdatePatch {
  /** The tableau's sheets as the update plans them (planSetup). */
  plan: WorkbookPlan;
  /** Where each existing sheet's old cells go (foreign-cells.ts). */
  alignments: ReadonlyMap<string, SheetAlignment>;
  modified: Date;
  deflater: SliceDeflater;
  /** Called between two large steps, when what the last one read is garbage (the command line collects it there). */
  between?: () => void;
  /** The sheets the reading saw links, notes or drawings in; unknown, each sheet is looked at again. */
  anchored?: ReadonlySet<string>;
}

/** An update that would lose or misplace something of the file: nothing is written. */
export class PatchRefused extends Refusal {
  constructor(reason: string) {
    super(entryLabels.updateRefused(reason), EXIT_CODES.problems);
  }
}

const STRICT_NAMESPACES: [string, string][] = [
  ["http://purl.oclc.org/ooxml/spreadsheetml/main", NAMESPACES.main],
  ["http://purl.oclc.org/ooxml/officeDocument/relationships", NAMESPACES.relationships],
  ["http://purl.oclc.org/ooxml/drawingml/main", NAMESPACES.drawingMain],
  ["http://purl.oclc.org/ooxml/drawingml/chart", NAMESPACES.chart],
  ["http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing", NAMESPACES.drawing],
  ["http://purl.oclc.org/ooxml/officeDocument/extendedProperties", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"],
  ["http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"],
  ["http://purl.oclc.org/ooxml/officeDocument/sharedTypes", "http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes"],
  ["http://purl.oclc.org/ooxml/officeDocument/customXml", "http://schemas.openxmlformats.org/officeDocument/2006/customXml"],
  ["http://purl.oclc.org/ooxml/officeDocument/math", "http://schemas.openxmlformats.org/officeDocument/2006/math"],
  ["http://purl.oclc.org/ooxml/officeDocument/bibliography", "http://schemas.openxmlformats.org/officeDocument/2006/bibliography"],
];

function transitional(text: string): string {
  let result = text;
  for (const [strict, usual] of STRICT_NAMESPACES) result = result.split(strict).join(usual);
  return result.replace(/\sconformance="strict"/g, "");
}

const XML_PART = /\.(xml|rels|vml)$/i;

interface SheetEntry {
  element: XmlElement;
  name: string;
  part: string;
}

interface RelationshipItem extends Relationship {
  part: string;
}

/** Relationship types by their last segment, whatever their namespace (transitional, Microsoft's own). */
function typeIs(relationship: { type: string }, kind: string): boolean {
  return relationship.type.endsWith(`/${kind}`);
}

function unused(taken: (name: string) => boolean, pattern: (n: number) => string): string {
  for (let n = 1; ; n++) if (!taken(pattern(n))) return pattern(n);
}

export async function patchWorkbook(bytes: Uint8Array, fileName: string, patch: UpdatePatch): Promise<Uint8Array> {
  try {
    return await patched(bytes, patch);
  } catch (error) {
    if (error instanceof ZipRefused || error instanceof XmlMalformed)
      throw new WorkbookFileError(fileLabels.workbook.cannotUpdate(fileName, error.message), error.message);
    throw error;
  }
}

async function patched(bytes: Uint8Array, patch: UpdatePatch): Promise<Uint8Array> {
  const archive = await ZipArchive.open(bytesSource(bytes), XLSX_LIMITS);
  let strict = false;
  const read = async (part: string): Promise<string> => {
    let text = "";
    for await (const chunk of archive.text(part)) text += chunk;
    return strict ? transitional(text) : text;
  };
  const relationshipsOf = async (part: string): Promise<{ root: XmlElement; items: RelationshipItem[] } | undefined> => {
    const rels = archive.find(relationshipsPart(part));
    if (!rels) return undefined;
    const root = parseXml(await read(rels));
    const items = childElements(root, "Relationship").map((element) => {
      const target = attributeOf(element, "Target") ?? "";
      const external = attributeOf(element, "TargetMode") === "External";
      return {
        id: attributeOf(element, "Id") ?? "",
        type: attributeOf(element, "Type") ?? "",
        target,
        ...(external ? { external: true } : {}),
        part: external ? "" : (archive.find(partName(part, target)) ?? partName(part, target)),
      };
    });
    return { root, items };
  };

  const rootRelationships = await relationshipsOf("");
  const officeDocument = rootRelationships?.items.find((item) => typeIs(item, "officeDocument"));
  const workbookPart = archive.find(officeDocument?.part ?? "xl/workbook.xml");
  if (!workbookPart) throw new ZipRefused(fileLabels.reader.noWorkbookPart);
  strict = (await firstText(archive, workbookPart)).includes("http://purl.oclc.org/ooxml/spreadsheetml/main");
  const contentTypesPart = archive.find("[Content_Types].xml") ?? "[Content_Types].xml";
  const contentTypes = archive.find(contentTypesPart) ? parseXml(await read(contentTypesPart)) : parseXml(`<Types xmlns="${NAMESPACES.contentTypes}"/>`);
  const workbook = parseXml(await read(workbookPart));
  const p = prefixOf(workbook);
  const workbookRelationships = (await relationshipsOf(workbookPart)) ?? {
    root: parseXml(`<Relationships xmlns="${NAMESPACES.packageRelationships}"/>`),
    items: [],
  };
  const relationshipPrefix = prefixesFor(workbook, NAMESPACES.relationships)[0] ?? "r";
  if (prefixesFor(workbook, NAMESPACES.relationships).length === 0) workbook.attributes.push(["xmlns:r", NAMESPACES.relationships]);
  const sheetsElement = firstChild(workbook, "sheets");
  if (!sheetsElement) throw new ZipRefused(fileLabels.reader.noWorkbookPart);
  const relationshipIdOf = (element: XmlElement) => element.attributes.find(([key]) => key.endsWith(":id"))?.[1] ?? "";
  const sheets: SheetEntry[] = childElements(sheetsElement, "sheet").map((element) => {
    const relationship = workbookRelationships.items.find((item) => item.id === relationshipIdOf(element));
    return { element, name: attributeOf(element, "name") ?? "", part: relationship?.part ?? "" };
  });
  const date1904 = ["1", "true"].includes(
    (attributeOf(firstChild(workbook, "workbookPr") ?? { name: "", attributes: [], children: [] }, "date1904") ?? "").toLowerCase(),
  );
  const view = firstChild(firstChild(workbook, "bookViews") ?? { name: "", attributes: [], children: [] }, "workbookView");
  const oldActive = Number(view ? (attributeOf(view, "activeTab") ?? 0) : 0);
  const activeName = sheets[oldActive]?.name;

  // ——— What is replaced, removed or written anew. ———
  const replaced = new Map<string, string | Uint8Array>();
  const removed = new Set<string>();
  const added: string[] = [];
  const taken = (name: string) => (archive.find(name) !== undefined && !removed.has(archive.find(name)!) ? true : added.includes(name));
  const calcChain = workbookRelationships.items.find((item) => typeIs(item, "calcChain"));
  if (calcChain) {
    removed.add(calcChain.part);
    workbookRelationships.root.children = workbookRelationships.root.children.filter(
      (child) => typeof child === "string" || attributeOf(child, "Id") !== calcChain.id,
    );
  }

  const stylesRelationship = workbookRelationships.items.find((item) => typeIs(item, "styles"));
  const styles = stylesRelationship && archive.find(stylesRelationship.part) ? StyleSheet.extending(await read(stylesRelationship.part)) : StyleSheet.fresh();
  const stringsRelationship = workbookRelationships.items.find((item) => typeIs(item, "sharedStrings"));
  const strings =
    stringsRelationship && archive.find(stringsRelationship.part)
      ? await (async () => {
          const xml = await read(stringsRelationship.part);
          return new SharedStrings(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, xml);
        })()
      : new SharedStrings(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY);

  // ——— The tableau's sheets. ———
  const refusals: string[] = [];
  const owned: { parts: SheetParts; layout: SheetLayout; kept: Relationship[]; existing?: SheetEntry }[] = [];
  const tableIds = await usedTables(archive, contentTypes, read);
  for (const plan of patch.plan.sheets) {
    const existing = sheets.find((sheet) => sheet.name === plan.name) ?? sheets.find((sheet) => sheet.name.toLowerCase() === plan.name.toLowerCase());
    const alignment = patch.alignments.get(plan.name);
    let kept: Relationship[] = [];
    let carried: { cells: Map<number, Map<number, string>>; columns: Map<number, FrameColumn>; elements: CarriedElements } | undefined;
    if (existing && archive.find(existing.part)) {
      const relationships = (await relationshipsOf(existing.part))?.items ?? [];
      for (const table of relationships.filter((item) => typeIs(item, "table"))) {
        removed.add(table.part);
        tableIds.drop(table.part);
      }
      kept = relationships
        .filter((item) => !typeIs(item, "table"))
        .map(({ id, type, target, external }) => ({ id, type, target, ...(external ? { external } : {}) }));
      removed.add(relationshipsPart(existing.part));
      const map: CellMap = (row, col) => {
        if (!alignment) return { row, col };
        const to = alignment.row(row);
        return to === undefined ? undefined : { row: to, col: alignment.column(col) };
      };
      const foreign = new Set(alignment?.foreignColumns ?? []);
      // Nothing to carry but what people added: a sheet with no column of theirs, no link and nothing drawn on it
      // is not parsed a second time (its rows were read once, for the entries).
      const scan =
        foreign.size === 0 && !(patch.anchored ? patch.anchored.has(existing.name) : await mentions(archive, existing.part, /hyperlink|rawing|picture/))
          ? { cells: new Map(), columns: new Map(), hyperlinks: [], attached: {} }
          : await scanOwnedSheet([await read(existing.part)], (col) => foreign.has(col));
      carried = { cells: new Map(), columns: new Map(), elements: {} };
      const formulas: string[] = [];
      for (const [row, cells] of scan.cells) {
        for (const [col, cell] of cells) {
          const to = map(row, col);
          if (!to) continue;
          if (cell.formula && (to.row !== row || to.col !== col)) {
            formulas.push(cellAddress(row, col));
            continue;
          }
          let targetRow = carried.cells.get(to.row);
          if (!targetRow) carried.cells.set(to.row, (targetRow = new Map()));
          targetRow.set(to.col, carriedCellXml(cell, cellAddress(to.row, to.col)));
        }
      }
      if (formulas.length > 0) refusals.push(sheetLabels.update.formulasOnMovingRows(plan.name, listed(formulas)));
      for (const col of foreign) {
        const settings = scan.columns.get(col);
        if (settings) carried.columns.set(map(0, col)?.col ?? col, settings);
      }
      const links: string[] = [];
      const hyperlinks = scan.hyperlinks.flatMap(({ ref, attributes }) => {
        const moved = remapReference(ref, map);
        if (moved === undefined) {
          links.push(ref);
          return [];
        }
        return [serializeElement({ name: "hyperlink", attributes: [["ref", moved], ...attributes], children: [] })];
      });
      if (links.length > 0) refusals.push(sheetLabels.update.anchoredOnLeavingRows(sheetLabels.update.anchored.links, plan.name, listed(links)));
      if (hyperlinks.length > 0) carried.elements.hyperlinks = `<hyperlinks>${hyperlinks.join("")}</hyperlinks>`;
      for (const [element, id] of Object.entries(scan.attached)) carried.elements[element as keyof CarriedElements] = `<${element} r:id="${id}"/>`;
      // What hangs on the sheet's cells through its relationships.
      for (const relationship of relationships) {
        if (relationship.external || !archive.find(relationship.part)) continue;
        if (typeIs(relationship, "comments") || typeIs(relationship, "threadedComment")) {
          const remapped = remapRefAttributes(await read(relationship.part), typeIs(relationship, "comments") ? "comment" : "threadedComment", map);
          if (remapped.lost.length > 0) {
            const what = typeIs(relationship, "comments") ? sheetLabels.update.anchored.notes : sheetLabels.update.anchored.comments;
            refusals.push(sheetLabels.update.anchoredOnLeavingRows(what, plan.name, listed(remapped.lost)));
          }
          replaced.set(relationship.part, remapped.text);
        } else if (typeIs(relationship, "vmlDrawing")) {
          replaced.set(relationship.part, remapVmlNotes(await read(relationship.part), map).text);
        } else if (typeIs(relationship, "drawing")) {
          replaced.set(relationship.part, remapDrawing(await read(relationship.part), map));
        }
      }
    }
    const part = existing?.part && archive.find(existing.part) ? existing.part : unused(taken, (n) => `xl/worksheets/sheet${n}.xml`);
    if (!existing) added.push(part);
    const parts = planSheetParts(plan, {
      styles,
      texts: strings,
      date1904,
      selected: existing !== undefined && existing.name === activeName,
      ...(carried ? { carried } : {}),
    });
    const layout: SheetLayout = {
      part,
      tables: Array.from({ length: parts.tableCount }, () => {
        const tablePart = unused(taken, (n) => `xl/tables/table${n}.xml`);
        added.push(tablePart);
        return { part: tablePart, id: tableIds.next() };
      }),
      ...(parts.charts.length > 0
        ? {
            drawing: (() => {
              const drawing = unused(taken, (n) => `xl/drawings/drawing${n}.xml`);
              added.push(drawing);
              return {
                part: drawing,
                charts: parts.charts.map(() => {
                  const chart = unused(taken, (n) => `xl/charts/chart${n}.xml`);
                  added.push(chart);
                  return chart;
                }),
              };
            })(),
          }
        : {}),
    };
    if (carried?.elements.drawing && layout.drawing) throw new Error(`${plan.name}: a sheet with a drawing of its own cannot take charts`);
    owned.push({ parts, layout, kept, ...(existing ? { existing } : {}) });
    for (const name of plan.tables.map((table) => table.name)) {
      if (tableIds.takenByOthers(name)) refusals.push(fileLabels.writing.tableNameTaken(name));
    }
  }
  if (refusals.length > 0) throw new PatchRefused(sheetLabels.update.refusals(refusals));

  // ——— The workbook part: tabs, names, views. ———
  const order: (SheetEntry | { plan: string })[] = [...sheets];
  for (const [index, item] of owned.entries()) {
    if (item.existing) continue;
    const previous = owned
      .slice(0, index)
      .reverse()
      .map((other) => order.findIndex((entry) => ("plan" in entry ? entry.plan : entry.name) === other.parts.name))
      .find((position) => position >= 0);
    order.splice(previous === undefined ? order.length : previous + 1, 0, { plan: item.parts.name });
  }
  const newIndex = new Map(sheets.map((sheet, index) => [index, order.indexOf(sheet)]));
  let nextSheetId = Math.max(0, ...sheets.map((sheet) => Number(attributeOf(sheet.element, "sheetId") ?? 0))) + 1;
  const usedRelationshipIds = new Set(workbookRelationships.items.map((item) => item.id));
  /** A new relationship of the workbook part to `part`; returns its id, one no other relationship has. */
  const relateWorkbookTo = (part: string, type: string): string => {
    const id = unused(
      (candidate) => usedRelationshipIds.has(candidate),
      (n) => `rId${n}`,
    );
    usedRelationshipIds.add(id);
    workbookRelationships.root.children.push({
      name: "Relationship",
      attributes: [
        ["Id", id],
        ["Type", type],
        ["Target", relativeTarget(workbookPart, part)],
      ],
      children: [],
    });
    return id;
  };
  sheetsElement.children = order.map((entry) => {
    if (!("plan" in entry)) return entry.element;
    const item = owned.find((candidate) => candidate.parts.name === entry.plan)!;
    const id = relateWorkbookTo(item.layout.part, RELATIONSHIP_TYPES.worksheet);
    return {
      name: `${p}sheet`,
      attributes: [
        ["name", entry.plan],
        ["sheetId", String(nextSheetId++)],
        [`${relationshipPrefix}:id`, id],
      ],
      children: [],
    };
  });
  for (const item of owned) {
    const element = sheetsElement.children.find((child): child is XmlElement => typeof child !== "string" && attributeOf(child, "name") === item.parts.name);
    if (element) setAttribute(element, "state", item.parts.state === "visible" ? undefined : item.parts.state);
  }
  const ownedOld = new Set(owned.flatMap((item) => (item.existing ? [sheets.indexOf(item.existing)] : [])));
  const ours = new Set(["_xlnm.print_titles", "_xlnm.print_area", "_xlnm._filterdatabase"]);
  const definedNames = firstChild(workbook, "definedNames");
  const keptNames = (definedNames ? childElements(definedNames, "definedName") : []).filter((element) => {
    const local = attributeOf(element, "localSheetId");
    const owner = local === undefined ? undefined : Number(local);
    if (owner !== undefined && ownedOld.has(owner) && ours.has((attributeOf(element, "name") ?? "").toLowerCase())) return false;
    if (owner !== undefined) setAttribute(element, "localSheetId", String(newIndex.get(owner) ?? owner));
    return true;
  });
  const newNames: DefinedName[] = [];
  const orderOf = (name: string) => order.findIndex((entry) => ("plan" in entry ? entry.plan : entry.name) === name);
  if (view) {
    for (const attribute of ["activeTab", "firstSheet"]) {
      const value = attributeOf(view, attribute);
      if (value !== undefined) setAttribute(view, attribute, String(newIndex.get(Number(value)) ?? value));
    }
  }

  // ——— Content types. ———
  const overrides = new Map<string, string>();
  for (const item of owned) for (const [part, type] of sheetContentTypes(item.layout)) overrides.set(part, type);
  const stylesPart = stylesRelationship?.part && archive.find(stylesRelationship.part) ? stylesRelationship.part : "xl/styles.xml";
  const stringsPart = stringsRelationship?.part && archive.find(stringsRelationship.part) ? stringsRelationship.part : "xl/sharedStrings.xml";
  for (const [missing, part, type, relationshipType] of [
    [!stylesRelationship || !archive.find(stylesRelationship.part), stylesPart, CONTENT_TYPES.styles, RELATIONSHIP_TYPES.styles],
    [!stringsRelationship || !archive.find(stringsRelationship.part), stringsPart, CONTENT_TYPES.sharedStrings, RELATIONSHIP_TYPES.sharedStrings],
  ] as const) {
    if (!missing) continue;
    added.push(part);
    overrides.set(part, type);
    relateWorkbookTo(part, relationshipType);
  }
  const typesPrefix = prefixOf(contentTypes);
  contentTypes.children = contentTypes.children.filter((child) => {
    if (typeof child === "string" || localName(child.name) !== "Override") return true;
    const part = (attributeOf(child, "PartName") ?? "").replace(/^\//, "");
    const found = archive.find(part) ?? part;
    return !removed.has(found) && !overrides.has(found);
  });
  for (const [part, type] of overrides)
    contentTypes.children.push({
      name: `${typesPrefix}Override`,
      attributes: [
        ["PartName", `/${part}`],
        ["ContentType", type],
      ],
      children: [],
    });

  // ——— The archive: every entry in its place, the changed ones changed. ———
  const output = new MemoryOutput();
  const zip = new ZipWriter(output, patch.deflater, patch.modified);
  try {
    await zip.addEntry("[Content_Types].xml", [serializeXml(contentTypes)]);
    const writtenSheets = new Set<string>();
    const writeOwned = async (item: (typeof owned)[number]) => {
      writtenSheets.add(item.layout.part);
      await writeSheetParts(zip, item.parts, item.layout, item.kept);
    };
    const rewritten = new Map(owned.filter((item) => item.existing).map((item) => [item.layout.part, item]));
    for (const name of archive.entries.keys()) {
      if (name === contentTypesPart || name.endsWith("/") || removed.has(name)) continue;
      const owner = rewritten.get(name);
      if (owner) {
        await writeOwned(owner);
        continue;
      }
      // Written last, once every sheet has asked for its styles and texts.
      if (name === workbookPart || name === stylesPart || name === stringsPart || name === relationshipsPart(workbookPart)) continue;
      const change = replaced.get(name);
      if (change !== undefined) await zip.addEntry(name, [change]);
      else if (/(^|\/)core\.xml$/.test(name) && rootRelationships?.items.some((item) => typeIs(item, "core-properties") && item.part === name))
        await zip.addEntry(name, [withModified(await read(name), patch.modified)]);
      else if (strict && XML_PART.test(name)) await zip.addEntry(name, [await read(name)]);
      else await zip.addEntry(name, archive.inflate(name));
    }
    for (const item of owned) if (!writtenSheets.has(item.layout.part)) await writeOwned(item);
    patch.between?.();
    // Names and styles are known once every sheet is written.
    for (const item of owned) newNames.push(...item.parts.definedNames(orderOf(item.parts.name)));
    setDefinedNames(workbook, p, [...keptNames, ...sortedNames(newNames).map((name) => definedNameElement(name, p))]);
    await zip.addEntry(workbookPart, [serializeXml(workbook)]);
    await zip.addEntry(relationshipsPart(workbookPart), [serializeXml(workbookRelationships.root)]);
    await zip.addEntry(stylesPart, [styles.xml()]);
    await zip.addEntry(stringsPart, strings.xml());
    zip.finish();
  } catch (error) {
    zip.abandon();
    throw error;
  }
  return output.bytes();
}

function definedNameElement(name: DefinedName, p: string): XmlElement {
  return {
    name: `${p}definedName`,
    attributes: [
      ["name", name.name],
      ["localSheetId", String(name.sheetIndex)],
      ...(name.name === "_xlnm._FilterDatabase" ? [["hidden", "1"] as [string, string]] : []),
    ],
    children: [name.formula],
  };
}

/** The workbook's defined names, in place of the old list, or after `sheets` (and what CT_Workbook puts between). */
function setDefinedNames(workbook: XmlElement, p: string, names: XmlElement[]): void {
  const index = workbook.children.findIndex((child) => typeof child !== "string" && localName(child.name) === "definedNames");
  const node: XmlElement | undefined = names.length > 0 ? { name: `${p}definedNames`, attributes: [], children: names } : undefined;
  if (index >= 0) {
    if (node) workbook.children[index] = node;
    else workbook.children.splice(index, 1);
    return;
  }
  if (!node) return;
  for (const name of ["externalReferences", "functionGroups", "sheets"]) {
    const at = workbook.children.findIndex((child) => typeof child !== "string" && localName(child.name) === name);
    if (at >= 0) {
      workbook.children.splice(at + 1, 0, node);
      return;
    }
  }
  workbook.children.push(node);
}

function withModified(xml: string, when: Date): string {
  return xml.replace(/(<(?:[\w.-]+:)?modified\b[^>]*>)[^<]*(<\/(?:[\w.-]+:)?modified>)/, `$1${w3cStamp(when)}$2`);
}

/** Whether a part's text matches `pattern` (a few letters long), read as it inflates, never held whole. */
async function mentions(archive: ZipArchive, part: string, pattern: RegExp): Promise<boolean> {
  let tail = "";
  for await (const chunk of archive.text(part)) {
    if (pattern.test(tail + chunk)) return true;
    tail = chunk.slice(-32);
  }
  return false;
}

async function firstText(archive: ZipArchive, part: string): Promise<string> {
  let text = "";
  for await (const chunk of archive.text(part)) {
    text += chunk;
    if (text.length > 4096) break;
  }
  return text;
}

/** The ids and names of the package's tables, so that the tableau's new tables take ids and names no other has. */
async function usedTables(archive: ZipArchive, contentTypes: XmlElement, read: (part: string) => Promise<string>) {
  const parts = new Set<string>();
  for (const override of childElements(contentTypes, "Override")) {
    if ((attributeOf(override, "ContentType") ?? "") === CONTENT_TYPES.table) {
      const part = archive.find((attributeOf(override, "PartName") ?? "").replace(/^\//, ""));
      if (part) parts.add(part);
    }
  }
  for (const name of archive.entries.keys()) if (/^xl\/tables\/[^/]+\.xml$/i.test(name)) parts.add(name);
  const tables = new Map<string, { id: number; name: string }>();
  for (const part of parts) {
    const head = (await read(part)).slice(0, 2048);
    const tag = /<(?:[\w.-]+:)?table\b[^>]*>/.exec(head)?.[0] ?? "";
    tables.set(part, { id: Number(/\sid="(\d+)"/.exec(tag)?.[1] ?? 0), name: /\sname="([^"]*)"/.exec(tag)?.[1] ?? "" });
  }
  let next = Math.max(0, ...[...tables.values()].map((table) => table.id)) + 1;
  return {
    drop: (part: string) => tables.delete(part),
    next: () => next++,
    takenByOthers: (name: string) => [...tables.values()].some((table) => table.name.toLowerCase() === name.toLowerCase()),
  };
}
