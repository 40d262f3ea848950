/**
 * The project's one writer of new .xlsx files: a tableau, a bilan, a consolidation. Sheets come as their parts
 * (sheet-parts.ts), from a sheet plan or streamed; their XML goes into the archive as it is produced, then their
 * tables, drawings and charts, and last what is only known once every sheet is written: the workbook part (defined
 * names), the styles and the shared texts.
 */
import { fileLabels } from "../labels/catalog";
import type { DefinedName } from "./defined-names";
import { appPropertiesXml, contentTypesXml, corePropertiesXml, packageRelationshipsXml, relationshipsXml, type Relationship, workbookXml } from "./package-xml";
import type { SharedStrings } from "./shared-strings";
import type { SheetParts } from "./sheet-parts";
import type { StyleSheet } from "./style-sheet";
import { CONTENT_TYPES, RELATIONSHIP_TYPES } from "./xml-text";
import type { ZipWriter } from "./zip-writer";

export interface NewWorkbook {
  sheets: readonly SheetParts[];
  styles: StyleSheet;
  strings: SharedStrings;
  /** Position of the sheet shown when the workbook opens. */
  activeTab: number;
  creator?: string;
  modified: Date;
}

/** Part names and relationship ids of one sheet's parts. */
export interface SheetLayout {
  part: string;
  drawing?: { part: string; charts: string[] };
  tables: { part: string; id: number }[];
}

/** Numbers every sheet's parts in order: `sheetN.xml`, `tableN.xml`, `drawingN.xml`, `chartN.xml` from 1. */
export function layoutOf(sheets: readonly SheetParts[], first = { sheet: 1, table: 1, drawing: 1, chart: 1 }): SheetLayout[] {
  const next = { ...first };
  return sheets.map((sheet) => ({
    part: `xl/worksheets/sheet${next.sheet++}.xml`,
    ...(sheet.charts.length > 0
      ? { drawing: { part: `xl/drawings/drawing${next.drawing++}.xml`, charts: sheet.charts.map(() => `xl/charts/chart${next.chart++}.xml`) } }
      : {}),
    tables: Array.from({ length: sheet.tableCount }, () => {
      const id = next.table++;
      return { part: `xl/tables/table${id}.xml`, id };
    }),
  }));
}

/** The content type of each of a sheet's parts. */
export function sheetContentTypes(layout: SheetLayout): [string, string][] {
  return [
    [layout.part, CONTENT_TYPES.worksheet],
    ...layout.tables.map(({ part }): [string, string] => [part, CONTENT_TYPES.table]),
    ...(layout.drawing
      ? [
          [layout.drawing.part, CONTENT_TYPES.drawing] as [string, string],
          ...layout.drawing.charts.map((chart): [string, string] => [chart, CONTENT_TYPES.chart]),
        ]
      : []),
  ];
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels` */
export function relationshipsPart(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The path from the folder of part `from` to part `to`, as a relationship's target. */
export function relativeTarget(from: string, to: string): string {
  const source = from.split("/").slice(0, -1);
  const target = to.split("/");
  let common = 0;
  while (common < source.length && common < target.length - 1 && source[common] === target[common]) common++;
  return [...source.slice(common).map(() => ".."), ...target.slice(common)].join("/");
}

/**
 * Writes one sheet's worksheet, tables, drawing and charts into the archive, with the relationships of the sheet
 * and of its drawing. `kept`: relationships of the sheet to carry (an update's links and notes), whose ids are
 * then not reused.
 */
export async function writeSheetParts(zip: ZipWriter, sheet: SheetParts, layout: SheetLayout, kept: readonly Relationship[] = []): Promise<void> {
  const used = new Set(kept.map((relationship) => relationship.id));
  let counter = 0;
  const freshId = () => {
    let id: string;
    do id = `rId${++counter}`;
    while (used.has(id));
    used.add(id);
    return id;
  };
  const relationships: Relationship[] = [...kept];
  const drawingId = layout.drawing ? freshId() : undefined;
  if (layout.drawing && drawingId)
    relationships.push({ id: drawingId, type: RELATIONSHIP_TYPES.drawing, target: relativeTarget(layout.part, layout.drawing.part) });
  const tableIds = layout.tables.map((table) => {
    const id = freshId();
    relationships.push({ id, type: RELATIONSHIP_TYPES.table, target: relativeTarget(layout.part, table.part) });
    return id;
  });
  await zip.addEntry(layout.part, sheet.worksheet({ ...(drawingId ? { drawing: drawingId } : {}), tables: tableIds }));
  if (relationships.length > 0) await zip.addEntry(relationshipsPart(layout.part), [relationshipsXml(relationships)]);
  for (const [index, table] of layout.tables.entries()) await zip.addEntry(table.part, [sheet.tableXml(index, table.id)]);
  if (layout.drawing) {
    const drawingPart = layout.drawing.part;
    const chartIds = layout.drawing.charts.map((_, index) => `rId${index + 1}`);
    await zip.addEntry(drawingPart, [sheet.drawingXml(chartIds)]);
    await zip.addEntry(relationshipsPart(drawingPart), [
      relationshipsXml(
        layout.drawing.charts.map((chart, index) => ({ id: chartIds[index], type: RELATIONSHIP_TYPES.chart, target: relativeTarget(drawingPart, chart) })),
      ),
    ]);
    for (const [index, chart] of layout.drawing.charts.entries()) await zip.addEntry(chart, [sheet.chartXml(index)]);
  }
}

export async function writeNewWorkbook(zip: ZipWriter, book: NewWorkbook): Promise<void> {
  const layouts = layoutOf(book.sheets);
  const creator = book.creator ?? fileLabels.workbook.creator;
  const parts = new Map<string, string>([["xl/workbook.xml", CONTENT_TYPES.workbook]]);
  for (const layout of layouts) for (const [part, type] of sheetContentTypes(layout)) parts.set(part, type);
  parts.set("xl/styles.xml", CONTENT_TYPES.styles);
  parts.set("xl/sharedStrings.xml", CONTENT_TYPES.sharedStrings);
  parts.set("docProps/core.xml", CONTENT_TYPES.coreProperties);
  parts.set("docProps/app.xml", CONTENT_TYPES.extendedProperties);
  // The content types first, as office suites write them: tools that guess a file's kind look at the first entry.
  await zip.addEntry("[Content_Types].xml", [contentTypesXml(parts)]);
  await zip.addEntry("_rels/.rels", [packageRelationshipsXml()]);
  await zip.addEntry("docProps/core.xml", [corePropertiesXml(creator, book.modified)]);
  await zip.addEntry("docProps/app.xml", [appPropertiesXml(creator)]);
  const sheetCount = book.sheets.length;
  await zip.addEntry("xl/_rels/workbook.xml.rels", [
    relationshipsXml([
      ...layouts.map((layout, index) => ({
        id: `rId${index + 1}`,
        type: RELATIONSHIP_TYPES.worksheet,
        target: relativeTarget("xl/workbook.xml", layout.part),
      })),
      { id: `rId${sheetCount + 1}`, type: RELATIONSHIP_TYPES.styles, target: "styles.xml" },
      { id: `rId${sheetCount + 2}`, type: RELATIONSHIP_TYPES.sharedStrings, target: "sharedStrings.xml" },
    ]),
  ]);
  for (const [index, sheet] of book.sheets.entries()) await writeSheetParts(zip, sheet, layouts[index]);
  // Known once every sheet is written: the filters' extent, the styles and the texts the rows asked for.
  const names: DefinedName[] = book.sheets.flatMap((sheet, index) => sheet.definedNames(index));
  await zip.addEntry("xl/workbook.xml", [
    workbookXml(
      book.sheets.map((sheet, index) => ({ name: sheet.name, state: sheet.state, relationshipId: `rId${index + 1}` })),
      names,
      book.activeTab,
    ),
  ]);
  await zip.addEntry("xl/styles.xml", [book.styles.xml()]);
  await zip.addEntry("xl/sharedStrings.xml", book.strings.xml());
  zip.finish();
}
