/**
 * Reads a "Répertoire des fiches actions" (text of the Caf template) into a plan, with the inconsistencies found
 * between its summary and its fiches. Throws only a refusal: a text past the import's limits (TextRefused), or one
 * without any fiche (NotARepertoire).
 */
import { conventionPeriodIssues, deadlineYear } from "../domain/plan";
import { Refusal } from "../domain/refusal";
import { fileLabels } from "../labels/catalog";
import { inferIndicatorType } from "./indicator-type";
import { type SectionKey, SECTION_TITLES, headingOf } from "./sections";
import { checkTextLimits } from "./text-encoding";
import { cleanLines, listItems, sentenceCase, splitNames, titleKey } from "./text-lines";

export interface ImportWarning {
  code: string;
  section: string;
  message: string;
}

export interface ImportedAction {
  code: string;
  title: string;
  deadline: string;
  pilots: string[];
  partners: string[];
  fields: string[];
  links: string[];
  objectives: string[];
  indicators: { label: string; type: string }[];
  sections: Record<string, string>;
}

export interface ImportedPlan {
  convention: { territory: string; start: string; end: string };
  axes: { code: string; title: string; subAxes: { code: string; title: string; actions: ImportedAction[] }[] }[];
}

export interface ImportResult {
  plan: ImportedPlan;
  warnings: ImportWarning[];
  /** Fiches found, for a quick summary. */
  actionCount: number;
}

const t = fileLabels.repertoire;
const SECTION = t.sections;

/** The text holds no fiche action; the message is the reason alone, each door telling it in its own sentence. */
export class NotARepertoire extends Refusal {
  constructor() {
    super(t.notARepertoire);
  }
}

const ACTION_CODE = /^(\d{1,2}\.[A-Z]\.\d{1,2})\b[\s.:–-]*(.*)$/;
const AXIS_LINE = /^AXE\s+(\d{1,2})\s*[:.\-–]?\s*(.*)$/i;
const SUB_AXIS_LINE = /^(\d{1,2}\.[A-Z])\s*[/\-–:.)]\s*(.+)$/;
const YEAR_ONLY = /^(?:(?:d[eè]s|fin|en)\s+)?(20\d{2})$/i;
const OPENING_SECTIONS = new Set<SectionKey>(["contexte", "objectifs", "pilotes"]);
const END_OF_FICHES = /^(convention territoriale globale|article 1\b|entre\s*:)/i;

interface SummaryEntry {
  code: string;
  title: string;
  year?: string;
  axis: string;
  subAxis: string;
  /** The sub-axis heading the summary lists the fiche under, when there is one. */
  listedUnder?: string;
}

/** `readingWarnings`: what reading the file had to assume (its encoding), listed first. */
export function parseRepertoire(text: string, readingWarnings: readonly ImportWarning[] = []): ImportResult {
  // Every door (file, paste, Word document) comes through here: the limits hold whichever way the text arrived.
  checkTextLimits(text);
  const lines = cleanLines(text);
  const warnings: ImportWarning[] = [...readingWarnings];
  const bodyStarts = findBodyStarts(lines);
  if (bodyStarts.length === 0) {
    throw new NotARepertoire();
  }
  const summary = parseSummary(lines.slice(0, bodyStarts[0]));
  const axes: ImportedPlan["axes"] = summary.axes.map((axis) => ({
    code: axis.code,
    title: axis.title,
    subAxes: axis.subAxes.map((sub) => ({ ...sub, actions: [] })),
  }));
  const bodies = bodyStarts.map((start, index) => {
    const end = index + 1 < bodyStarts.length ? bodyStarts[index + 1] : endOfLastFiche(lines, start);
    return parseBody(lines.slice(start, end));
  });

  const seen = new Set<string>();
  for (const body of bodies) {
    if (seen.has(body.code)) {
      warnings.push({ code: body.code, section: SECTION.fiche, message: t.duplicateCode(body.code) });
      continue;
    }
    seen.add(body.code);
    const entry = summary.entries.find((candidate) => candidate.code === body.code);
    if (!entry) warnings.push({ code: body.code, section: SECTION.summary, message: t.notInSummary(body.code, body.title) });
    else {
      if (titleKey(entry.title) !== titleKey(body.title)) {
        warnings.push({ code: body.code, section: SECTION.title, message: t.titleDiffers(entry.title, body.title) });
      }
      const bodyYear = deadlineYear(body.deadline) ?? body.deadline.match(/20\d{2}/)?.[0];
      if (entry.year && bodyYear && String(bodyYear) !== entry.year) {
        warnings.push({ code: body.code, section: SECTION.deadline, message: t.deadlineDiffers(entry.year, body.deadline) });
      }
    }
    if (entry?.year) body.deadline = entry.year;
    if (body.indicators.length === 0) warnings.push({ code: body.code, section: SECTION.indicators, message: t.noIndicator(body.code) });
    placeAction(axes, body, entry);
  }
  for (const entry of summary.entries) {
    if (!seen.has(entry.code)) warnings.push({ code: entry.code, section: SECTION.fiche, message: t.missingContent(entry.code, entry.title) });
  }
  for (const body of bodies) {
    for (const link of body.links) {
      if (!seen.has(link)) warnings.push({ code: body.code, section: SECTION.links, message: t.brokenLink(link) });
    }
  }
  const conventionText = lines.slice(endOfLastFiche(lines, bodyStarts[bodyStarts.length - 1]));
  const period = conventionPeriod(text.split("\n"));
  if (period.guessed) warnings.push({ code: "", section: SECTION.convention, message: period.guessed });
  for (const issue of conventionPeriodIssues(period.start, period.end)) {
    warnings.push({ code: "", section: SECTION.convention, message: t.periodOutOfBounds(issue.message) });
  }
  if (summary.entries.length === 0) {
    warnings.push({ code: "", section: SECTION.summary, message: t.noSummary });
  }
  for (const entry of summary.entries) {
    if (entry.listedUnder && entry.listedUnder !== entry.subAxis) {
      warnings.push({ code: entry.code, section: SECTION.summary, message: t.listedUnder(entry.code, entry.listedUnder, entry.subAxis) });
    }
  }
  const territory = territoryOf(conventionText);
  if (!territory) warnings.push({ code: "", section: SECTION.convention, message: t.noTerritory });
  return {
    plan: { convention: { territory: territory ?? t.territoryPlaceholder, start: period.start, end: period.end }, axes },
    warnings,
    actionCount: seen.size,
  };
}

/** A fiche starts at a code line followed, before any other code line, by one of the fiche's opening headings. */
function findBodyStarts(lines: readonly string[]): number[] {
  const starts: number[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (!ACTION_CODE.test(lines[index])) continue;
    for (let next = index + 1; next < Math.min(lines.length, index + 12); next++) {
      if (ACTION_CODE.test(lines[next])) break;
      const heading = headingOf(lines[next]);
      if (heading && OPENING_SECTIONS.has(heading.key)) {
        starts.push(index);
        break;
      }
    }
  }
  return starts;
}

function endOfLastFiche(lines: readonly string[], start: number): number {
  for (let index = start + 1; index < lines.length; index++) if (END_OF_FICHES.test(lines[index])) return index;
  return lines.length;
}

function parseSummary(lines: readonly string[]) {
  const axes: { code: string; title: string; subAxes: { code: string; title: string }[] }[] = [];
  const entries: SummaryEntry[] = [];
  // A title's further lines, joined once at the end: rebuilding it at every line would cost the square of its length.
  const titleLines = new Map<SummaryEntry, string[]>();
  let current: SummaryEntry | undefined;
  let heading: string | undefined;
  for (const line of lines) {
    if (!line) continue;
    const axis = AXIS_LINE.exec(line);
    const subAxis = SUB_AXIS_LINE.exec(line);
    const action = ACTION_CODE.exec(line);
    if (axis) {
      axes.push({ code: axis[1], title: sentenceCase(axis[2].trim()), subAxes: [] });
      current = undefined;
      heading = undefined;
    } else if (action) {
      const [, code, rest] = action;
      const year = /\s(20\d{2})$/.exec(rest)?.[1];
      current = {
        code,
        title: (year ? rest.slice(0, -4) : rest).trim(),
        ...(year ? { year } : {}),
        axis: code.split(".")[0],
        subAxis: code.split(".").slice(0, 2).join("."),
        ...(heading ? { listedUnder: heading } : {}),
      };
      entries.push(current);
    } else if (subAxis) {
      const owner = axes.find((candidate) => candidate.code === subAxis[1].split(".")[0]) ?? axes[axes.length - 1];
      const title = sentenceCase(subAxis[2].trim());
      owner?.subAxes.push({ code: subAxis[1], title: title.charAt(0).toUpperCase() + title.slice(1) });
      current = undefined;
      heading = subAxis[1];
    } else if (current && YEAR_ONLY.test(line) && !current.year) {
      current.year = YEAR_ONLY.exec(line)![1];
    } else if (current && !current.year) {
      const more = titleLines.get(current);
      if (more) more.push(line);
      else titleLines.set(current, [line]);
    }
  }
  for (const [entry, more] of titleLines) entry.title = [entry.title, ...more].join(" ").replace(/\s+/g, " ").trim();
  return { axes, entries };
}

function parseBody(lines: readonly string[]): ImportedAction {
  const [, code, rest] = ACTION_CODE.exec(lines[0])!;
  const titleLines = [rest];
  let index = 1;
  for (; index < lines.length && !headingOf(lines[index]); index++) if (lines[index]) titleLines.push(lines[index]);
  const sections = new Map<SectionKey, string[]>();
  let key: SectionKey | undefined;
  for (; index < lines.length; index++) {
    const heading = headingOf(lines[index]);
    if (heading) {
      key = heading.key;
      if (!sections.has(key)) sections.set(key, []);
      if (heading.rest) sections.get(key)!.push(heading.rest);
    } else if (key) {
      sections.get(key)!.push(lines[index]);
    }
  }
  const section = (name: SectionKey) => sections.get(name) ?? [];
  const linksText = section("liens").join("\n");
  const deadlineLines = section("echeance").filter(Boolean);
  const kept: Record<string, string> = {};
  for (const name of ["contexte", "descriptif", "habitants", "ressources", "public"] as const) {
    const body = section(name).join("\n").trim();
    if (body) kept[SECTION_TITLES[name]] = body;
  }
  return {
    code,
    title: titleLines.join(" ").replace(/\s+/g, " ").trim(),
    deadline: deadlineLines[0]?.trim() ?? "",
    pilots: listItems(section("pilotes")).slice(0, 8),
    partners: splitNames(listItems(section("partenaires"))),
    fields: [],
    links: [...new Set(linksText.match(/\b\d{1,2}\.[A-Z]\.\d{1,2}\b/g) ?? [])].filter((link) => link !== code),
    objectives: listItems(section("objectifs")),
    indicators: listItems(section("indicateurs")).map((label) => ({ label, type: inferIndicatorType(label) })),
    sections: kept,
  };
}

function placeAction(axes: ImportedPlan["axes"], action: ImportedAction, entry: SummaryEntry | undefined): void {
  const axisCode = entry?.axis ?? action.code.split(".")[0];
  const subAxisCode = entry?.subAxis ?? action.code.split(".").slice(0, 2).join(".");
  let axis = axes.find((candidate) => candidate.code === axisCode);
  if (!axis) {
    axis = { code: axisCode, title: t.axisTitle(axisCode), subAxes: [] };
    axes.push(axis);
  }
  let subAxis = axis.subAxes.find((candidate) => candidate.code === subAxisCode);
  if (!subAxis) {
    subAxis = { code: subAxisCode, title: t.subAxisTitle(subAxisCode), actions: [] };
    axis.subAxes.push(subAxis);
  }
  subAxis.actions.push(action);
}

const MONTHS = ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"];

/**
 * "conclue à compter du 1er janvier 2026 jusqu'au 31 décembre 2030", or else the years of "CTG 2026-2030" (then
 * `guessed` says so, with the line), or else five years from this one.
 */
function conventionPeriod(lines: readonly string[]): { start: string; end: string; guessed?: string } {
  const folded = lines.map((line) =>
    line
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase(),
  );
  const text = folded.join(" ");
  const dated = /du (\d{1,2})(?:er)? (\w+) (20\d{2}),? (?:jusqu'au|au) (\d{1,2})(?:er)? (\w+) (20\d{2})/.exec(text);
  if (dated && MONTHS.includes(dated[2]) && MONTHS.includes(dated[5])) {
    const iso = (day: string, month: string, year: string) => `${year}-${String(MONTHS.indexOf(month) + 1).padStart(2, "0")}-${day.padStart(2, "0")}`;
    return { start: iso(dated[1], dated[2], dated[3]), end: iso(dated[4], dated[5], dated[6]) };
  }
  const line = folded.findIndex((candidate) => /\b20\d{2}\s*[-–]\s*20\d{2}\b/.test(candidate));
  if (line >= 0) {
    const years = /\b(20\d{2})\s*[-–]\s*(20\d{2})\b/.exec(folded[line])!;
    const shown = lines[line].trim();
    return {
      start: `${years[1]}-01-01`,
      end: `${years[2]}-12-31`,
      guessed: t.periodGuessed(years[1], years[2], line + 1, shown.length > 80 ? `${shown.slice(0, 79)}…` : shown),
    };
  }
  const now = new Date().getFullYear();
  return { start: `${now}-01-01`, end: `${now + 4}-12-31`, guessed: t.noPeriod(now, now + 4) };
}

/** The collectivity named as a party of the convention ("Et la Communauté de Communes X représenté…"). */
function territoryOf(lines: readonly string[]): string | undefined {
  const text = lines.join(" ").replace(/\s+/g, " ");
  const match =
    /(communaut[ée] de communes|communaut[ée] d'agglom[ée]ration|agglom[ée]ration|commune de|ville de) ([A-ZÉÈÀ][^()]*?)(?= représent| \(| dûment| ci-après|, ci-après)/i.exec(
      text,
    );
  if (!match) return undefined;
  const kind = match[1].charAt(0).toUpperCase() + match[1].slice(1).toLowerCase();
  return `${kind} ${match[2].trim().replace(/[,;]$/, "")}`;
}
