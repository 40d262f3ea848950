/** The plan d'actions of a convention: its model, and the reading of the plan JSON format (docs/format-plan.md). */
import { z } from "zod";
import { entryLabels, quoted } from "../labels/catalog";
import { numericBoundsProblem } from "./entry-rules";
import { type IsoDate, formatFrenchDate, isValidIsoDate } from "./dates";
import {
  type Aggregation,
  type Field,
  type IndicatorType,
  type Periodicity,
  AGGREGATIONS,
  FIELDS,
  INDICATOR_TYPES,
  PERIODICITIES,
  matchAggregation,
  matchField,
  matchIndicatorType,
  matchPeriodicity,
} from "./vocabulary";

// The pane is served under a Content-Security-Policy without 'unsafe-eval' (deploy/nginx/ctg-suivi.conf): zod's
// compiled fast path probes `new Function` when a schema is built, which that policy reports as a violation even
// though zod catches it. Its interpreted parser gives the same results, and a plan is parsed once.
z.config({ jitless: true });

export interface Convention {
  territory: string;
  /** Code INSEE of a commune or SIREN of an EPCI. */
  inseeOrSiren?: string;
  department?: string;
  caf?: string;
  signatories: string[];
  start: IsoDate;
  end: IsoDate;
}

export interface Indicator {
  /** Stable key of the indicator in the workbook, `1.A.1-I2` unless the plan gives one. */
  id: string;
  label: string;
  type: IndicatorType;
  unit?: string;
  baseline?: number;
  target?: number;
  aggregation: Aggregation;
  periodicity: Periodicity;
}

export interface ActionSheet {
  code: string;
  title: string;
  /** As written in the plan: `2027`, `Dès 2026`, `Fin 2026`… */
  deadline: string;
  pilots: string[];
  partners: string[];
  fields: Field[];
  links: string[];
  objectives: string[];
  indicators: Indicator[];
  /** Other sections of the fiche kept as text (contexte, descriptif…), keyed by their French heading. */
  sections?: Record<string, string>;
}

export interface SubAxis {
  code: string;
  title: string;
  actions: ActionSheet[];
}

export interface Axis {
  code: string;
  title: string;
  subAxes: SubAxis[];
}

export interface Plan {
  convention: Convention;
  axes: Axis[];
}

export type Severity = "error" | "warning";

export interface PlanIssue {
  /** JSON path such as `axes[0].subAxes[1].actions[2].indicators[0].type`. */
  path: string;
  severity: Severity;
  message: string;
}

/**
 * A CTG runs four or five years; ten leave room for an extension. Everything sized by the period (quarters, rows,
 * columns, validations) stays bounded by it, whatever date a file holds.
 */
export const MAX_CONVENTION_YEARS = 10;

/** The years a convention's dates fall in: CTGs began in the 2010s; a date outside is a typo (0026, 9999). */
export const CONVENTION_YEARS = { first: 2000, last: 2100 } as const;

/** A plan of 200 fiches is under 1 MB of JSON; the size is checked before the file is read. */
export const PLAN_FILE_LIMITS = { maxBytes: 5 * 1024 * 1024 } as const;

/** What is wrong with a convention's period, for each reader to tell in its own words at its own place. */
export type PeriodProblem = { field: "start" | "end"; kind: "outOfYears" } | { field: "end"; kind: "tooLong" };

/** The period's bounds, once both dates are valid and in order; the end's span is checked only when both years are plausible. */
export function conventionPeriodProblems(start: IsoDate, end: IsoDate): PeriodProblem[] {
  const problems: PeriodProblem[] = [];
  const inYears = (date: IsoDate) => {
    const year = Number(date.slice(0, 4));
    return year >= CONVENTION_YEARS.first && year <= CONVENTION_YEARS.last;
  };
  if (!inYears(start)) problems.push({ field: "start", kind: "outOfYears" });
  if (!inYears(end)) problems.push({ field: "end", kind: "outOfYears" });
  // Same day and month MAX years later is one day past MAX years; ISO strings compare as dates.
  const limit = `${String(Number(start.slice(0, 4)) + MAX_CONVENTION_YEARS).padStart(4, "0")}${start.slice(4)}`;
  if (problems.length === 0 && end >= limit) problems.push({ field: "end", kind: "tooLong" });
  return problems;
}

/** The period's problems as plan issues, located at `convention.start` or `convention.end`. */
export function conventionPeriodIssues(start: IsoDate, end: IsoDate): PlanIssue[] {
  return conventionPeriodProblems(start, end).map((problem) => ({
    path: `convention.${problem.field}`,
    severity: "error" as const,
    message:
      problem.kind === "tooLong"
        ? words.periodTooLong(formatFrenchDate(end), formatFrenchDate(start), MAX_CONVENTION_YEARS)
        : words.yearOutOfRange(named[problem.field], formatFrenchDate(problem.field === "start" ? start : end), CONVENTION_YEARS.first, CONVENTION_YEARS.last),
  }));
}

export type PlanReading = { ok: true; plan: Plan; issues: PlanIssue[] } | { ok: false; issues: PlanIssue[] };

export const DEFAULT_AGGREGATION: Record<IndicatorType, Aggregation> = {
  nombre: "somme",
  taux: "moyenne",
  montant: "somme",
  "oui-non": "derniere",
  echelle: "moyenne",
  texte: "derniere",
};

/** The words of the plan's checks; zod receives them as its messages, so that each refusal names the field in French. */
const words = entryLabels.plan;
const named = entryLabels.plan.fields;

const text = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? words.required(what) : words.notText(what)) })
    .trim()
    .min(1, { error: words.empty(what) });

const optionalText = (what: string) =>
  z
    .string({ error: words.notText(what) })
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined));

const textList = (what: string) =>
  z
    .array(z.string({ error: words.itemNotText(what) }).trim(), {
      error: words.notTextList(what),
    })
    .default([])
    .transform((items) => items.filter((item) => item.length > 0));

const isoDate = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? words.required(what) : words.notDate(what)) })
    .trim()
    .refine(isValidIsoDate, {
      // 2026-02-31 has the right form: it is named an impossible date, not a bad format.
      error: (issue) => {
        const typed = String(issue.input ?? "").trim();
        return /^\d{4}-\d{2}-\d{2}$/.test(typed) ? words.impossibleDate(what, typed) : words.invalidDate(what);
      },
    });

function closedList<T extends string>(what: string, values: readonly T[], match: (text: string) => T | undefined) {
  const allowed = values.map(quoted).join(", ");
  return z.string({ error: words.notInList(what, allowed) }).transform((value, context) => {
    const found = match(value);
    if (found) return found;
    context.issues.push({ code: "custom", input: value, message: words.unknownValue(what, value, allowed) });
    return z.NEVER;
  });
}

const optionalNumber = (what: string) =>
  z
    .number({ error: words.notNumber(what) })
    .refine(Number.isFinite, { error: words.notFinite(what) })
    .nullable()
    .optional()
    .transform((value) => (value === null ? undefined : value));

const deadlineSchema = z.union([z.string().trim().min(1), z.number().int()], { error: words.deadline }).transform((value) => String(value));

const indicatorSchema = z.object({
  id: optionalText(named.indicatorId),
  label: text(named.indicatorLabel),
  type: closedList(named.indicatorType, INDICATOR_TYPES, matchIndicatorType),
  unit: optionalText(named.unit),
  baseline: optionalNumber(named.baseline),
  target: optionalNumber(named.target),
  aggregation: closedList(named.aggregation, AGGREGATIONS, matchAggregation).optional(),
  periodicity: closedList(named.periodicity, PERIODICITIES, matchPeriodicity).optional(),
});

const actionSchema = z.object({
  code: text(named.actionCode),
  title: text(named.actionTitle),
  deadline: deadlineSchema.optional(),
  pilots: textList("pilots"),
  partners: textList("partners"),
  fields: z.array(closedList(named.field, FIELDS, matchField), { error: words.notList("fields", words.listsOf.fields) }).default([]),
  links: textList("links"),
  objectives: textList("objectives"),
  indicators: z.array(indicatorSchema, { error: words.notList("indicators", words.listsOf.indicators) }).default([]),
  sections: z.record(z.string(), z.string(), { error: words.sections }).optional(),
});

const subAxisSchema = z.object({
  code: text(named.subAxisCode),
  title: text(named.subAxisTitle),
  actions: z.array(actionSchema, { error: words.notList("actions", words.listsOf.actions) }).default([]),
});

const axisSchema = z.object({
  code: text(named.axisCode),
  title: text(named.axisTitle),
  subAxes: z.array(subAxisSchema, { error: words.notList("subAxes", words.listsOf.subAxes) }).default([]),
});

const conventionSchema = z.object({
  territory: text(named.territory),
  inseeOrSiren: optionalText(named.inseeOrSiren),
  department: optionalText(named.department),
  caf: optionalText(named.caf),
  signatories: textList("signatories"),
  start: isoDate(named.start),
  end: isoDate(named.end),
});

const planSchema = z.object(
  {
    convention: conventionSchema,
    axes: z.array(axisSchema, { error: words.notList("axes", words.listsOf.axes) }).min(1, { error: words.noAxis }),
  },
  { error: words.notPlan },
);

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || words.root;
}

function translateZodIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type" && issue.input === undefined) return words.missingValue;
  if (issue.code === "invalid_type") return words.invalidType(frenchType(issue.expected));
  return issue.message;
}

function frenchType(expected: string): string {
  return words.jsonTypes[expected] ?? expected;
}

/** Reads an already-parsed JSON value as a plan. Never throws on bad input: problems come back as French issues. */
export function readPlan(input: unknown): PlanReading {
  const parsed = planSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), severity: "error" as const, message: translateZodIssue(issue) })),
    };
  }
  const raw = parsed.data;
  const plan: Plan = {
    convention: raw.convention,
    axes: raw.axes.map((axis) => ({
      code: axis.code,
      title: axis.title,
      subAxes: axis.subAxes.map((subAxis) => ({
        code: subAxis.code,
        title: subAxis.title,
        actions: subAxis.actions.map((action) => ({
          code: action.code,
          title: action.title,
          deadline: action.deadline ?? "",
          pilots: action.pilots,
          partners: action.partners,
          fields: [...new Set(action.fields)],
          links: action.links,
          objectives: action.objectives,
          indicators: action.indicators.map((indicator, index) => ({
            id: indicator.id ?? `${action.code}-I${index + 1}`,
            label: indicator.label,
            type: indicator.type,
            ...(indicator.unit !== undefined ? { unit: indicator.unit } : {}),
            ...(indicator.baseline !== undefined ? { baseline: indicator.baseline } : {}),
            ...(indicator.target !== undefined ? { target: indicator.target } : {}),
            aggregation: indicator.aggregation ?? DEFAULT_AGGREGATION[indicator.type],
            periodicity: indicator.periodicity ?? "trimestrielle",
          })),
          ...(action.sections ? { sections: action.sections } : {}),
        })),
      })),
    })),
  };
  const issues = checkPlanConsistency(plan);
  if (issues.some((issue) => issue.severity === "error")) return { ok: false, issues };
  return { ok: true, plan, issues };
}

/** Reads plan JSON text; a syntax error is reported in French, never thrown. */
export function readPlanJson(jsonText: string): PlanReading {
  // The doors check the file's size before reading it; text handed over some other way is held to the same bound.
  if (jsonText.length > PLAN_FILE_LIMITS.maxBytes) {
    return { ok: false, issues: [{ path: words.wholeFile, severity: "error", message: planFileTooLarge(jsonText.length) }] };
  }
  let value: unknown;
  try {
    value = JSON.parse(jsonText.replace(/^\uFEFF/, ""));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [{ path: words.wholeFile, severity: "error", message: words.notJson(detail) }] };
  }
  return readPlan(value);
}

/** The plan check's words for a plan file of `size` bytes (or characters), past PLAN_FILE_LIMITS. */
export function planFileTooLarge(size: number): string {
  return words.fileTooLarge(size, PLAN_FILE_LIMITS.maxBytes);
}

/** Rules that span several entries: period order and bounds, unique codes and identifiers, links, indicator bounds. */
export function checkPlanConsistency(plan: Plan): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const { start, end } = plan.convention;
  if (start >= end) {
    issues.push({
      path: "convention.end",
      severity: "error",
      message: words.endBeforeStart(formatFrenchDate(end), formatFrenchDate(start)),
    });
  } else {
    issues.push(...conventionPeriodIssues(start, end));
  }
  const actionCodes = new Map<string, string>();
  const indicatorIds = new Map<string, string>();
  const seenCodes = new Map<string, string>();
  plan.axes.forEach((axis, a) => {
    const axisPath = `axes[${a}]`;
    remember(seenCodes, axis.code, `${axisPath}.code`, issues, named.axisCodeKind);
    axis.subAxes.forEach((subAxis, s) => {
      const subPath = `${axisPath}.subAxes[${s}]`;
      remember(seenCodes, subAxis.code, `${subPath}.code`, issues, named.subAxisCodeKind);
      subAxis.actions.forEach((action, f) => {
        const actionPath = `${subPath}.actions[${f}]`;
        remember(actionCodes, action.code, `${actionPath}.code`, issues, named.actionCodeKind);
        action.indicators.forEach((indicator, i) => {
          const indicatorPath = `${actionPath}.indicators[${i}]`;
          remember(indicatorIds, indicator.id, `${indicatorPath}.id`, issues, named.indicatorIdKind);
          issues.push(...checkIndicatorBounds(indicator, indicatorPath));
        });
      });
    });
  });
  plan.axes.forEach((axis, a) =>
    axis.subAxes.forEach((subAxis, s) =>
      subAxis.actions.forEach((action, f) =>
        action.links.forEach((link, l) => {
          if (!actionCodes.has(link)) {
            issues.push({
              path: `axes[${a}].subAxes[${s}].actions[${f}].links[${l}]`,
              severity: "warning",
              message: words.brokenLink(action.code, link),
            });
          }
        }),
      ),
    ),
  );
  return issues;
}

function remember(seen: Map<string, string>, key: string, path: string, issues: PlanIssue[], what: string): void {
  const first = seen.get(key);
  if (first !== undefined) issues.push({ path, severity: "error", message: words.duplicate(what, key, first) });
  else seen.set(key, path);
}

function checkIndicatorBounds(indicator: Indicator, path: string): PlanIssue[] {
  const issues: PlanIssue[] = [];
  for (const key of ["baseline", "target"] as const) {
    const value = indicator[key];
    if (value === undefined) continue;
    const problem = numericBoundsProblem(indicator.type, value);
    if (problem) issues.push({ path: `${path}.${key}`, severity: "error", message: words.boundsOf(named[key], problem) });
  }
  return issues;
}

export function allActions(plan: Plan): ActionSheet[] {
  return plan.axes.flatMap((axis) => axis.subAxes.flatMap((subAxis) => subAxis.actions));
}

export interface LocatedAction {
  axis: Axis;
  subAxis: SubAxis;
  action: ActionSheet;
}

export function locatedActions(plan: Plan): LocatedAction[] {
  return plan.axes.flatMap((axis) => axis.subAxes.flatMap((subAxis) => subAxis.actions.map((action) => ({ axis, subAxis, action }))));
}

export interface LocatedIndicator {
  action: ActionSheet;
  indicator: Indicator;
}

export function allIndicators(plan: Plan): LocatedIndicator[] {
  return allActions(plan).flatMap((action) => action.indicators.map((indicator) => ({ action, indicator })));
}

/**
 * The year after which a fiche not done is late. `2027` and `Fin 2027` give 2027; `Dès 2026` or `À partir de 2026`
 * name a start, not a deadline, and give none.
 */
export function deadlineYear(deadline: string): number | undefined {
  const years = deadline.match(/\b(19|20)\d{2}\b/g);
  if (!years) return undefined;
  if (/^\s*(d[eè]s|[aà] partir|depuis)\b/i.test(deadline)) return undefined;
  return Number(years[years.length - 1]);
}
