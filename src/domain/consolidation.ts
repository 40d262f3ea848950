/**
 * Consolidation of many territories' tableaux (the Caf's view): who is who, each territory's synthesis at its last
 * ended quarter, tallies per champ d'intervention, and the entries in long form. Pure: fed one tracking at a time,
 * it returns plain rows, so that a caller can stream them out and forget the tracking.
 */
import { bilanLabels } from "../labels/catalog";
import { NOT_ENTERED, emptyCounts, quarterBoard, type StatusCounts, type StatusOrNone } from "./dashboard";
import type { IsoDate } from "./dates";
import { allIndicators, locatedActions } from "./plan";
import { compareQuarters, previousQuarter, quarterOf, quartersBetween, type Quarter } from "./quarters";
import type { MeasurementValue, Tracking } from "./tracking";
import { FIELDS, STATUSES, type Field, type IndicatorType } from "./vocabulary";

export const STATUS_COLUMNS: StatusOrNone[] = [...STATUSES, NOT_ENTERED];
/** A fiche without a champ is counted under this label in the synthesis per champ. */
export const NO_FIELD = bilanLabels.noField;

export interface TerritoryIdentity {
  /** What makes two files the same territory's: the convention's identifier, else its code or name, and its period. */
  key: string;
  territory: string;
  code?: string;
  start: IsoDate;
  end: IsoDate;
}

function normalized(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export function territoryIdentity(tracking: Tracking, conventionId?: string): TerritoryIdentity {
  const { territory, inseeOrSiren, start, end } = tracking.plan.convention;
  const code = inseeOrSiren?.trim() || undefined;
  const who = conventionId ? `id:${conventionId}` : code ? `code:${normalized(code)}` : `nom:${normalized(territory)}`;
  return { key: `${who}|${start}|${end}`, territory, ...(code ? { code } : {}), start, end };
}

/**
 * Whether two descriptions are of one territory: the same code INSEE / SIREN when both have one (a territory may be
 * renamed, a commune merged), else the same name. A tableau copied from a neighbour's carries the neighbour's hidden
 * identifier: this is what tells them apart.
 */
export function sameTerritory(a: { territory: string; code?: string }, b: { territory: string; code?: string }): boolean {
  const codeA = a.code?.trim();
  const codeB = b.code?.trim();
  if (codeA && codeB) return normalized(codeA) === normalized(codeB);
  return normalized(a.territory) === normalized(b.territory);
}

/** The last quarter that has ended by `today`, within the convention. */
export function referenceQuarter(tracking: Tracking, today: IsoDate): Quarter {
  const quarters = quartersBetween(tracking.plan.convention.start, tracking.plan.convention.end);
  const ended = previousQuarter(quarterOf(today));
  if (compareQuarters(ended, quarters[0]) < 0) return quarters[0];
  if (compareQuarters(ended, quarters[quarters.length - 1]) > 0) return quarters[quarters.length - 1];
  return ended;
}

export interface TerritorySummary extends TerritoryIdentity {
  file: string;
  savedAt?: string;
  templateVersion: string;
  referenceQuarter: Quarter;
  actions: number;
  counts: StatusCounts;
  /** Share of fiches Réalisée, 0 to 1. */
  done: number;
  late: number;
  statusesFilled: number;
  valuesFilled: number;
  valuesExpected: number;
}

export interface FieldTally {
  key: string;
  field: Field | typeof NO_FIELD;
  actions: number;
  counts: StatusCounts;
  late: number;
}

export interface StatusRow {
  quarter: Quarter;
  axisCode: string;
  code: string;
  title: string;
  fields: string[];
  deadline: string;
  status?: string;
  /** Avancement in percent, 0 to 100. */
  progress?: number;
  achievements?: string;
  difficulties?: string;
  adjustments?: string;
}

export interface ValueRow {
  quarter: Quarter;
  actionCode: string;
  indicatorId: string;
  label: string;
  type: IndicatorType;
  unit?: string;
  baseline?: number;
  target?: number;
  value?: MeasurementValue;
  comment?: string;
}

export interface TerritoryConsolidation {
  summary: TerritorySummary;
  fields: FieldTally[];
  statuses: StatusRow[];
  values: ValueRow[];
}

export function consolidateTerritory(
  tracking: Tracking,
  source: { file: string; savedAt?: string; templateVersion: string; conventionId?: string },
  today: IsoDate,
): TerritoryConsolidation {
  const identity = territoryIdentity(tracking, source.conventionId);
  const reference = referenceQuarter(tracking, today);
  const board = quarterBoard(tracking, reference, today);
  const summary: TerritorySummary = {
    ...identity,
    file: source.file,
    ...(source.savedAt ? { savedAt: source.savedAt } : {}),
    templateVersion: source.templateVersion,
    referenceQuarter: reference,
    actions: board.actions.length,
    counts: board.overall,
    done: board.actions.length === 0 ? 0 : board.overall.Réalisée / board.actions.length,
    late: board.late.length,
    statusesFilled: board.completeness.actionsWithStatus,
    valuesFilled: board.completeness.indicatorsFilled,
    valuesExpected: board.completeness.indicatorsExpected,
  };

  const tallies = new Map<string, FieldTally>();
  for (const state of board.actions) {
    const fields: (Field | typeof NO_FIELD)[] = state.action.fields.length > 0 ? state.action.fields : [NO_FIELD];
    for (const field of fields) {
      const tally = tallies.get(field) ?? { key: identity.key, field, actions: 0, counts: emptyCounts(), late: 0 };
      tally.actions++;
      tally.counts[state.status]++;
      if (state.late) tally.late++;
      tallies.set(field, tally);
    }
  }
  const fieldOrder = [...FIELDS, NO_FIELD] as string[];
  const fields = [...tallies.values()].sort((a, b) => fieldOrder.indexOf(a.field) - fieldOrder.indexOf(b.field));

  const located = new Map(locatedActions(tracking.plan).map((entry, position) => [entry.action.code, { ...entry, position }]));
  const statuses: StatusRow[] = [...tracking.statuses]
    .sort((a, b) => compareQuarters(a.quarter, b.quarter) || (located.get(a.actionCode)?.position ?? -1) - (located.get(b.actionCode)?.position ?? -1))
    .flatMap((entry) => {
      const where = located.get(entry.actionCode);
      if (!where) return [];
      return [
        {
          quarter: entry.quarter,
          axisCode: where.axis.code,
          code: entry.actionCode,
          title: where.action.title,
          fields: where.action.fields,
          deadline: where.action.deadline,
          ...(entry.status !== undefined ? { status: entry.status } : {}),
          ...(entry.progress !== undefined ? { progress: entry.progress } : {}),
          ...(entry.achievements ? { achievements: entry.achievements } : {}),
          ...(entry.difficulties ? { difficulties: entry.difficulties } : {}),
          ...(entry.adjustments ? { adjustments: entry.adjustments } : {}),
        },
      ];
    });

  const indicators = new Map(allIndicators(tracking.plan).map((entry, position) => [entry.indicator.id, { ...entry, position }]));
  const values: ValueRow[] = [...tracking.measurements]
    .sort((a, b) => (indicators.get(a.indicatorId)?.position ?? -1) - (indicators.get(b.indicatorId)?.position ?? -1) || compareQuarters(a.quarter, b.quarter))
    .flatMap((entry) => {
      const found = indicators.get(entry.indicatorId);
      if (!found) return [];
      const { action, indicator } = found;
      return [
        {
          quarter: entry.quarter,
          actionCode: action.code,
          indicatorId: indicator.id,
          label: indicator.label,
          type: indicator.type,
          ...(indicator.unit ? { unit: indicator.unit } : {}),
          ...(indicator.baseline !== undefined ? { baseline: indicator.baseline } : {}),
          ...(indicator.target !== undefined ? { target: indicator.target } : {}),
          ...(entry.value !== undefined ? { value: entry.value } : {}),
          ...(entry.comment ? { comment: entry.comment } : {}),
        },
      ];
    });
  return { summary, fields, statuses, values };
}

export interface FieldSummary {
  field: string;
  territories: number;
  actions: number;
  counts: StatusCounts;
  done: number;
  late: number;
}

/** Sums the territories' tallies per champ, in the vocabulary's order. */
export function summarizeFields(tallies: Iterable<FieldTally>): FieldSummary[] {
  const byField = new Map<string, { keys: Set<string>; actions: number; counts: StatusCounts; late: number }>();
  for (const tally of tallies) {
    const entry = byField.get(tally.field) ?? { keys: new Set<string>(), actions: 0, counts: emptyCounts(), late: 0 };
    entry.keys.add(tally.key);
    entry.actions += tally.actions;
    for (const status of STATUS_COLUMNS) entry.counts[status] += tally.counts[status];
    entry.late += tally.late;
    byField.set(tally.field, entry);
  }
  const order = [...FIELDS, NO_FIELD] as string[];
  return [...byField.entries()]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([field, entry]) => ({
      field,
      territories: entry.keys.size,
      actions: entry.actions,
      counts: entry.counts,
      done: entry.actions === 0 ? 0 : entry.counts.Réalisée / entry.actions,
      late: entry.late,
    }));
}

/**
 * Two files of one territory and one period in the same batch cannot both be right: both are flagged, none merged.
 * Items are told apart by their position (the same file may be given twice); returns, for each clashing position,
 * the names of the other files.
 */
export function duplicatesInBatch(items: readonly { file: string; key: string }[]): Map<number, string[]> {
  const byKey = new Map<string, number[]>();
  items.forEach((item, index) => byKey.set(item.key, [...(byKey.get(item.key) ?? []), index]));
  const clashes = new Map<number, string[]>();
  for (const positions of byKey.values()) {
    if (positions.length < 2) continue;
    for (const position of positions)
      clashes.set(
        position,
        positions.filter((other) => other !== position).map((other) => items[other].file),
      );
  }
  return clashes;
}
