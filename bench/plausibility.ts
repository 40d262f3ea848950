/**
 * How often the plausibility checks speak: the share of values flagged on the synthetic territories (plausible by
 * construction: the aim is under 2 %), and the share of typos caught when one value per territory is multiplied by
 * ten, as a slipped zero would: once in a long series, once in a first year (two or three values before it).
 */
import { performance } from "node:perf_hooks";
import { type FindingKind, placeKey, plausibilityFindings } from "../src/domain/plausibility";
import { allIndicators } from "../src/domain/plan";
import { compareQuarters } from "../src/domain/quarters";
import type { Tracking } from "../src/domain/tracking";
import { syntheticTerritory } from "../src/samples/synthetic-territories";

/**
 * One value with `earliest` to `latest` earlier values in its series, that stays valid once multiplied by ten (a count
 * or an amount, a rate under 10 %; an échelle's 40 would be refused outright): the one a typo is put into.
 */
function typoTarget(tracking: Tracking, pick: number, earliest: number, latest: number): number | undefined {
  const types = new Map(allIndicators(tracking.plan).map(({ indicator }) => [indicator.id, indicator.type]));
  const stillValid = (id: string, value: number) => {
    const type = types.get(id);
    return type === "nombre" || type === "montant" || (type === "taux" && value * 10 <= 100);
  };
  const numeric = tracking.measurements
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => typeof entry.value === "number" && entry.value > 0 && stillValid(entry.indicatorId, entry.value));
  const earlier = (index: number) =>
    numeric.filter(
      ({ entry }) => entry.indicatorId === tracking.measurements[index].indicatorId && compareQuarters(entry.quarter, tracking.measurements[index].quarter) < 0,
    ).length;
  const candidates = numeric.filter(({ index }) => {
    const count = earlier(index);
    return count >= earliest && count <= latest;
  });
  return candidates.length === 0 ? undefined : candidates[pick % candidates.length].index;
}

/** Whether the value at `target`, multiplied by ten, is flagged at its place. */
function typoCaught(tracking: Tracking, target: number): boolean {
  const typo = { ...tracking.measurements[target], value: (tracking.measurements[target].value as number) * 10 };
  const withTypo: Tracking = { ...tracking, measurements: tracking.measurements.map((entry, i) => (i === target ? typo : entry)) };
  const place = placeKey({ kind: "value", indicatorId: typo.indicatorId, quarter: typo.quarter });
  return plausibilityFindings(withTypo).some((finding) => placeKey(finding.place) === place);
}

export function plausibilityFigures(count: number): Record<string, unknown>[] {
  let values = 0;
  let statuses = 0;
  let flaggedValues = 0;
  let flaggedStatuses = 0;
  let typos = 0;
  let caught = 0;
  let earlyTypos = 0;
  let earlyCaught = 0;
  let ms = 0;
  const kinds: Partial<Record<FindingKind, number>> = {};
  for (let index = 0; index < count; index++) {
    const tracking = syntheticTerritory({ index, seed: 7 });
    values += tracking.measurements.filter((entry) => entry.value !== undefined).length;
    statuses += tracking.statuses.filter((entry) => entry.status !== undefined).length;
    const start = performance.now();
    const findings = plausibilityFindings(tracking);
    ms += performance.now() - start;
    for (const finding of findings) {
      kinds[finding.kind] = (kinds[finding.kind] ?? 0) + 1;
      if (finding.place.kind === "value") flaggedValues++;
      else flaggedStatuses++;
    }

    const target = typoTarget(tracking, index * 7919, 4, Infinity);
    if (target !== undefined) {
      typos++;
      if (typoCaught(tracking, target)) caught++;
    }
    // A first year: a slipped zero with only two or three values before it.
    const early = typoTarget(tracking, index * 104729, 2, 3);
    if (early !== undefined) {
      earlyTypos++;
      if (typoCaught(tracking, early)) earlyCaught++;
    }
  }
  const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 10000) / 100);
  return [
    {
      figure: "plausibility_flag_rate",
      territories: count,
      values,
      statuses,
      flagged_values: flaggedValues,
      flagged_statuses: flaggedStatuses,
      flagged_percent: percent(flaggedValues + flaggedStatuses, values + statuses),
      goal_percent: 2,
      by_kind: kinds,
      check_ms_per_territory: Math.round((ms / count) * 100) / 100,
    },
    { figure: "plausibility_typos_caught", territories: count, history: "4 valeurs ou plus", typos, caught, caught_percent: percent(caught, typos) },
    {
      figure: "plausibility_typos_caught",
      territories: count,
      history: "2 ou 3 valeurs",
      typos: earlyTypos,
      caught: earlyCaught,
      caught_percent: percent(earlyCaught, earlyTypos),
    },
  ];
}
