/**
 * The written bilan a COPIL adopts: a Word document (.docx) built with the `docx` library, the same in the command
 * line (Node) and in the task pane (browser). Cover, synthesis, one part per axe (its fiches with their status,
 * indicators and written evaluation), difficulties, values to confirm and annexes; charts are native Word charts
 * with their data in an embedded workbook, drawn by Word and LibreOffice alike. The petite-enfance extract opens
 * with the parts of the commune's schéma pluriannuel (cdsf-chapter.ts).
 */
import { AlignmentType, Document, Footer, Header, HeadingLevel, Packer, PageBreak, PageNumber, Paragraph, type ParagraphChild, TextRun } from "docx";
import { NOT_ENTERED, type StatusOrNone } from "../domain/dashboard";
import { formatFrenchDate, todayIso } from "../domain/dates";
import { quarterLabel } from "../domain/quarters";
import type { ActionFigures, Report } from "../domain/report";
import { APPRECIATIONS, STATUSES } from "../domain/vocabulary";
import { documentLabels } from "../labels/catalog";
import { COLORS } from "../workbook/layout";
import { cdsfChapter } from "./cdsf-chapter";
import { axisTargetsChart, overallChart, perAxisChart } from "./document-charts";
import { type Block, DocumentParts, TABLE_PARAGRAPH_STYLES, percentText, figureText } from "./document-parts";

export interface DocumentOptions {
  cdsf?: boolean;
  /** The day the document is made, printed on its cover. */
  now?: Date;
}

const t = documentLabels;
const STATUS_ORDER: StatusOrNone[] = [...STATUSES, NOT_ENTERED];
const GREEN = COLORS.title.replace("#", "");

export function documentFileName(report: Report, cdsf = false): string {
  return t.fileName(report.kind, report.period.first.slice(0, 4), cdsf);
}

/** « 3 en cours, 2 réalisées… »: the statuses present, in their order. */
function statusParts(counts: Record<StatusOrNone, number>): string[] {
  return STATUS_ORDER.filter((status) => counts[status] > 0).map((status) => `${counts[status]} ${status.toLowerCase()}`);
}

function cover(report: Report, parts: DocumentParts, options: DocumentOptions): Paragraph[] {
  const { convention } = report;
  const line = (text: string, size: number, bold = false, color?: string) =>
    new Paragraph({ spacing: { after: 160 }, children: [new TextRun({ text, size: size * 2, bold, ...(color ? { color } : {}) })] });
  const asOf = formatFrenchDate(report.asOf);
  return [
    line(t.cover.kicker, 14, false, GREEN),
    new Paragraph({ heading: HeadingLevel.TITLE, spacing: { after: 240 }, children: [new TextRun({ text: parts.title, bold: true, size: 56, color: GREEN })] }),
    ...(options.cdsf ? [line(t.cover.cdsf, 14, true)] : []),
    ...(report.provisional ? [line(t.cover.provisional(asOf), 13, true, COLORS.late.replace("#", ""))] : []),
    line(t.cover.territory(convention.territory), 16, true),
    ...(convention.inseeOrSiren ? [line(t.cover.code(convention.inseeOrSiren), 12)] : []),
    ...(convention.department ? [line(t.cover.department(convention.department), 12)] : []),
    ...(convention.caf ? [line(t.cover.caf(convention.caf), 12)] : []),
    line(t.cover.convention(formatFrenchDate(convention.start), formatFrenchDate(convention.end)), 12),
    line(t.cover.period(quarterLabel(report.period.first), quarterLabel(report.period.last)), 14, true),
    line(t.cover.asOf(asOf), 12),
    ...(convention.signatories.length > 0
      ? [line(t.cover.signatories, 12, true), ...convention.signatories.map((name) => new Paragraph({ text: name, bullet: { level: 0 } }))]
      : []),
    line(t.cover.made(formatFrenchDate(todayIso(options.now ?? new Date()))), 10),
    line(t.cover.adoption, 11),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

function summary(report: Report, parts: DocumentParts): Block[] {
  const { statuses, completeness, appreciations } = report;
  const charted = report.indicators.filter((figures) => figures.percentOfTarget !== undefined);
  const reached = charted.filter((figures) => (figures.percentOfTarget ?? 0) >= 100).length;
  const evaluated = report.actions.some((figures) => figures.evaluations.length > 0) || statuses.perAxis.some((axis) => axis.evaluations.length > 0);
  const { none, ...counts } = appreciations;
  return [
    parts.heading(t.summary.heading, 1),
    parts.paragraph(t.summary.actions(report.actions.length, statuses.overall.Réalisée, percentText(statuses.percentDone))),
    parts.paragraph(t.summary.statuses(statusParts(statuses.overall))),
    parts.paragraph(t.summary.late(report.late.length)),
    ...(charted.length > 0 ? [parts.paragraph(t.summary.targets(reached, charted.length))] : []),
    parts.paragraph(t.summary.completeness(completeness.statusesFilled, completeness.statusesExpected, completeness.valuesFilled, completeness.valuesExpected)),
    evaluated
      ? parts.paragraph(
          t.summary.appreciations(
            APPRECIATIONS.map((appreciation) => `${counts[appreciation]} ${appreciation.toLowerCase()}`),
            none,
          ),
        )
      : parts.paragraph(t.summary.noEvaluation),
    ...(report.toConfirm.length > 0 ? [parts.paragraph(t.summary.toConfirm(report.toConfirm.length))] : []),
    parts.heading(t.summary.chartsHeading, 2),
    ...(report.statuses.perAxis.length > 0 ? [parts.chart(perAxisChart(report))] : []),
    parts.chart(overallChart(report)),
  ];
}

function fichePart(figures: ActionFigures, report: Report, parts: DocumentParts): Block[] {
  const { action } = figures;
  const f = t.fiche;
  const indicators = report.indicators.filter((entry) => entry.actionCode === action.code);
  const blocks: Block[] = [
    parts.heading(f.heading(action.code, action.title), 3),
    parts.paragraph(f.status(figures.status, figures.progress === undefined ? undefined : percentText(figures.progress), action.deadline, figures.late)),
  ];
  if (action.pilots.length > 0) blocks.push(parts.paragraph(f.pilots(action.pilots.join(", "))));
  if (action.partners.length > 0) blocks.push(parts.paragraph(f.partners(action.partners.join(", "))));
  if (action.objectives.length > 0) blocks.push(parts.label(f.objectives), ...action.objectives.map((objective) => parts.bullet(objective)));
  if (indicators.length > 0) {
    blocks.push(parts.label(f.indicatorsHeading), parts.indicatorTable(indicators, report.kind === "final"));
  } else {
    blocks.push(parts.paragraph(f.noIndicator));
  }
  if (figures.evaluations.length === 0) blocks.push(parts.note(f.notEvaluated));
  for (const evaluation of figures.evaluations) {
    blocks.push(parts.label(f.evaluationHeading(evaluation.year)));
    const field = (label: string, text: string | undefined) => (text ? [parts.field(label, text)] : []);
    blocks.push(
      ...field(f.effects, evaluation.effects),
      ...field(f.evidence, evaluation.evidence),
      ...field(f.appreciation, evaluation.appreciation),
      ...field(f.adjustments, evaluation.adjustments),
    );
  }
  if (figures.latestDifficulties) blocks.push(parts.field(f.difficulties(quarterLabel(figures.latestDifficulties.quarter)), figures.latestDifficulties.text));
  if (figures.latestAdjustments) blocks.push(parts.field(f.adjustmentsOf(quarterLabel(figures.latestAdjustments.quarter)), figures.latestAdjustments.text));
  return blocks;
}

function axisParts(report: Report, parts: DocumentParts): Block[] {
  const a = t.axis;
  return report.statuses.perAxis.flatMap(({ axis, counts, evaluations }) => {
    const fiches = report.actions.filter((figures) => figures.axis === axis);
    const blocks: Block[] = [parts.heading(a.heading(axis.code, axis.title), 1, true)];
    blocks.push(parts.paragraph(a.statuses(statusParts(counts))));
    if (evaluations.length > 0) {
      blocks.push(parts.heading(a.evaluationHeading, 2));
      for (const evaluation of evaluations) {
        if (evaluation.synthesis) blocks.push(parts.field(a.synthesis(evaluation.year), evaluation.synthesis));
        if (evaluation.decisions) blocks.push(parts.field(a.decisions(evaluation.year), evaluation.decisions));
      }
    }
    blocks.push(parts.heading(a.fichesHeading, 2));
    if (fiches.length === 0) return [...blocks, parts.paragraph(a.none)];
    blocks.push(
      parts.table(
        [t.columns.code, t.columns.action, t.columns.status, t.columns.progress, t.columns.deadline],
        fiches.map((figures) => [
          figures.action.code,
          figures.action.title,
          `${figures.status}${figures.late ? t.late : ""}`,
          figures.progress === undefined ? t.none : percentText(figures.progress),
          figures.action.deadline || t.none,
        ]),
        [10, 46, 16, 14, 14],
      ),
    );
    const targets = axisTargetsChart(report, axis);
    if (targets) blocks.push(parts.chart(targets));
    for (const figures of fiches) blocks.push(...fichePart(figures, report, parts));
    return blocks;
  });
}

function closingParts(report: Report, parts: DocumentParts): Block[] {
  const withText = report.actions.filter((figures) => figures.latestDifficulties || figures.latestAdjustments);
  const blocks: Block[] = [parts.heading(t.difficulties.heading, 1, true)];
  blocks.push(
    withText.length === 0
      ? parts.paragraph(t.difficulties.none)
      : parts.table(
          [t.columns.code, t.fiche.difficulties(t.columns.quarter), t.fiche.adjustmentsOf(t.columns.quarter)],
          withText.map((figures) => [
            figures.action.code,
            figures.latestDifficulties ? `${figures.latestDifficulties.text} (${figures.latestDifficulties.quarter})` : t.none,
            figures.latestAdjustments ? `${figures.latestAdjustments.text} (${figures.latestAdjustments.quarter})` : t.none,
          ]),
          [10, 45, 45],
        ),
  );
  blocks.push(parts.heading(t.toConfirm.heading, 1));
  if (report.toConfirm.length === 0) {
    blocks.push(parts.paragraph(t.toConfirm.none));
  } else {
    blocks.push(
      parts.paragraph(t.toConfirm.intro),
      parts.table(
        [t.columns.entry, t.columns.quarter, t.columns.reason],
        report.toConfirm.map((finding) => [
          finding.place.kind === "value" ? finding.place.indicatorId : finding.place.actionCode,
          finding.place.quarter,
          parts.sentence(finding.message),
        ]),
        [14, 12, 74],
      ),
    );
  }
  blocks.push(parts.heading(t.annexes.heading, 1, true), parts.heading(t.annexes.indicatorsHeading, 2));
  blocks.push(
    report.indicators.length === 0
      ? parts.paragraph(t.fiche.noIndicator)
      : parts.table(
          [t.columns.code, t.columns.indicator, t.columns.baseline, t.columns.value, t.columns.target, t.columns.percentOfTarget],
          report.indicators.map((figures) => [
            figures.actionCode,
            figures.indicator.label,
            figureText(figures.indicator, figures.baseline),
            figureText(figures.indicator, figures.value),
            figureText(figures.indicator, figures.target),
            figures.percentOfTarget === undefined ? t.none : percentText(figures.percentOfTarget),
          ]),
          [10, 42, 12, 12, 12, 12],
        ),
  );
  const { completeness } = report;
  blocks.push(
    parts.heading(t.annexes.completenessHeading, 2),
    parts.paragraph(t.summary.completeness(completeness.statusesFilled, completeness.statusesExpected, completeness.valuesFilled, completeness.valuesExpected)),
    parts.heading(t.annexes.methodHeading, 2),
    ...t.annexes.method.map((text) => parts.paragraph(text)),
  );
  if (report.provenance.length > 0) {
    const [mergedAt, person, file, quarter, values] = t.annexes.provenanceColumns;
    blocks.push(
      parts.heading(t.annexes.provenanceHeading, 2),
      parts.paragraph(t.annexes.provenanceIntro),
      parts.table(
        [mergedAt, person, file, quarter, values],
        report.provenance.map((entry) => [
          formatFrenchDate(entry.mergedAt.slice(0, 10)),
          entry.person,
          entry.file,
          quarterLabel(entry.quarter),
          String(entry.values),
        ]),
        [14, 26, 34, 14, 12],
      ),
    );
  }
  return blocks;
}

/** The document, with the titles of its parts (in order) for the command line and the tests. */
export async function renderBilanDocument(report: Report, options: DocumentOptions = {}): Promise<{ bytes: Uint8Array; headings: string[] }> {
  const cdsf = options.cdsf ?? false;
  const title = `${report.title}${report.provisional ? " provisoire" : ""}`;
  const parts = new DocumentParts(title);
  const asOf = formatFrenchDate(report.asOf);
  const pageNumber = (): ParagraphChild[] => [
    new TextRun({ text: t.footer(asOf, report.provisional), ...(report.provisional ? { color: COLORS.late.replace("#", ""), bold: true } : {}) }),
    new TextRun({ children: [PageNumber.CURRENT] }),
    new TextRun(t.pageOf),
    new TextRun({ children: [PageNumber.TOTAL_PAGES] }),
  ];
  const children = [
    ...cover(report, parts, options),
    ...summary(report, parts),
    ...(cdsf ? cdsfChapter(report, parts) : []),
    ...axisParts(report, parts),
    ...closingParts(report, parts),
  ];
  const document = new Document({
    creator: t.properties.creator,
    title: t.properties.title(title, report.territory),
    description: t.properties.description,
    styles: {
      // French spelling and hyphenation in Word, for every run.
      default: { document: { run: { font: "Calibri", size: 22, language: { value: "fr-FR" } }, paragraph: { spacing: { after: 100 } } } },
      paragraphStyles: [
        {
          id: "Heading1",
          name: "Heading 1",
          basedOn: "Normal",
          next: "Normal",
          quickFormat: true,
          run: { size: 32, bold: true, color: GREEN },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
        },
        {
          id: "Heading2",
          name: "Heading 2",
          basedOn: "Normal",
          next: "Normal",
          quickFormat: true,
          run: { size: 26, bold: true, color: GREEN },
          paragraph: { spacing: { before: 200, after: 100 }, keepNext: true },
        },
        {
          id: "Heading3",
          name: "Heading 3",
          basedOn: "Normal",
          next: "Normal",
          quickFormat: true,
          run: { size: 23, bold: true },
          paragraph: { spacing: { before: 180, after: 80 }, keepNext: true },
        },
        ...TABLE_PARAGRAPH_STYLES,
      ],
    },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } }, titlePage: true },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ text: t.header(report.territory, title), size: 16, color: "605E5C" })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: pageNumber() })] }),
          // The cover says it too, in full: a provisional bilan is marked on every page.
          first: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: pageNumber() })] }),
        },
        children,
      },
    ],
  });
  const buffer = await Packer.toArrayBuffer(document);
  return { bytes: new Uint8Array(buffer), headings: parts.headings };
}

export async function writeBilanDocument(report: Report, options: DocumentOptions = {}): Promise<Uint8Array> {
  return (await renderBilanDocument(report, options)).bytes;
}
