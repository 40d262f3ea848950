/**
 * The parts of a new .xlsx package around its sheets: content types, relationships, the workbook part with its
 * sheets, views and defined names, and the document properties.
 */
import { type DefinedName, definedNameXml } from "./defined-names";
import { CONTENT_TYPES, NAMESPACES, RELATIONSHIP_TYPES, XML_HEADER, attributes, xmlText } from "./xml-text";

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external?: boolean;
}

export function relationshipsXml(relationships: readonly Relationship[]): string {
  const items = relationships.map(
    (relationship) =>
      `<Relationship${attributes({ Id: relationship.id, Type: relationship.type, Target: relationship.target, TargetMode: relationship.external ? "External" : undefined })}/>`,
  );
  return `${XML_HEADER}<Relationships xmlns="${NAMESPACES.packageRelationships}">${items.join("")}</Relationships>`;
}

/** `parts`: part name (without the leading slash) → content type. */
export function contentTypesXml(parts: ReadonlyMap<string, string>): string {
  const overrides = [...parts].map(([part, type]) => `<Override PartName="/${xmlText(part)}" ContentType="${type}"/>`).join("");
  return `${XML_HEADER}<Types xmlns="${NAMESPACES.contentTypes}"><Default Extension="rels" ContentType="${CONTENT_TYPES.relationships}"/><Default Extension="xml" ContentType="application/xml"/>${overrides}</Types>`;
}

export function packageRelationshipsXml(): string {
  return relationshipsXml([
    { id: "rId1", type: RELATIONSHIP_TYPES.officeDocument, target: "xl/workbook.xml" },
    { id: "rId2", type: RELATIONSHIP_TYPES.coreProperties, target: "docProps/core.xml" },
    { id: "rId3", type: RELATIONSHIP_TYPES.extendedProperties, target: "docProps/app.xml" },
  ]);
}

/** A W3CDTF stamp to the second, as Excel writes `dcterms:created` and `dcterms:modified`. */
export function w3cStamp(when: Date): string {
  return `${when.toISOString().slice(0, 19)}Z`;
}

export function corePropertiesXml(creator: string, when: Date): string {
  const stamp = w3cStamp(when);
  return `${XML_HEADER}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${xmlText(creator)}</dc:creator><cp:lastModifiedBy>${xmlText(creator)}</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified></cp:coreProperties>`;
}

export function appPropertiesXml(application: string): string {
  return `${XML_HEADER}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${xmlText(application)}</Application></Properties>`;
}

export interface WorkbookSheet {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  relationshipId: string;
}

/** Excel lists its defined names by name, the `_xlnm.` prefix aside, then by sheet. */
export function sortedNames(names: readonly DefinedName[]): DefinedName[] {
  const key = (name: DefinedName) => name.name.replace(/^_xlnm\./, "").toLowerCase();
  return [...names].sort((a, b) => key(a).localeCompare(key(b)) || a.sheetIndex - b.sheetIndex);
}

export function workbookXml(sheets: readonly WorkbookSheet[], names: readonly DefinedName[], activeTab: number): string {
  const listed = sheets
    .map(
      (sheet, index) =>
        `<sheet${attributes({ name: sheet.name, sheetId: index + 1, state: sheet.state === "visible" ? undefined : sheet.state })} r:id="${sheet.relationshipId}"/>`,
    )
    .join("");
  const defined =
    names.length > 0
      ? `<definedNames>${sortedNames(names)
          .map((name) => definedNameXml(name))
          .join("")}</definedNames>`
      : "";
  return `${XML_HEADER}<workbook xmlns="${NAMESPACES.main}" xmlns:r="${NAMESPACES.relationships}"><workbookPr/><bookViews><workbookView${attributes({ xWindow: 240, yWindow: 15, windowWidth: 16095, windowHeight: 9660, activeTab: activeTab || undefined })}/></bookViews><sheets>${listed}</sheets>${defined}<calcPr calcId="191029"/></workbook>`;
}
