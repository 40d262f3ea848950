/**
 * What each feature of the add-in needs of Excel, as ExcelApi requirement sets, and the French message shown when
 * the host lacks it. The sets come from the Office.js calls each feature makes; the tests run every feature on
 * Microsoft's runtime with a host that stops at the set below, and check that one set lower fails.
 * - ExcelApi 1.7: `getRangeByIndexes`, `freezePanes`, `tabColor` (Excel 2019 in volume licence stops here);
 * - ExcelApi 1.8: `dataValidation`, which the set-up writes on every entry cell;
 * - ExcelApi 1.9: `pageLayout` (orientation, fit to width, print titles), skipped with a note when missing.
 */
import { Refusal } from "../domain/refusal";
import { officeLabels } from "../labels/catalog";

const t = officeLabels.requirements;

export type Feature = "pane" | "entry" | "check" | "lock" | "setup" | "dataValidation" | "pageLayout" | "bilan" | "consolidation";

export interface FeatureRequirement {
  excelApi: string;
  /** The feature in a French sentence: "… nécessite …" (from the catalogue). */
  label: string;
}

export const FEATURE_REQUIREMENTS: Record<Feature, FeatureRequirement> = {
  pane: { excelApi: "1.7", label: t.features.pane },
  check: { excelApi: "1.7", label: t.features.check },
  entry: { excelApi: "1.7", label: t.features.entry },
  lock: { excelApi: "1.7", label: t.features.lock },
  bilan: { excelApi: "1.7", label: t.features.bilan },
  consolidation: { excelApi: "1.7", label: t.features.consolidation },
  setup: { excelApi: "1.8", label: t.features.setup },
  dataValidation: { excelApi: "1.8", label: t.features.dataValidation },
  pageLayout: { excelApi: "1.9", label: t.features.pageLayout },
};

/** The host lacks the requirement set of a feature; the message names the versions of Excel that have it. */
export class FeatureUnavailable extends Refusal {
  constructor(readonly feature: Feature) {
    const requirement = FEATURE_REQUIREMENTS[feature];
    super(t.unavailable(requirement.label, requirement.excelApi));
  }
}

export type SetCheck = (name: string, version: string) => boolean;

export interface HostSupport {
  supports(feature: Feature): boolean;
  /** Throws the French refusal when the host lacks the feature's set. */
  require(feature: Feature): void;
}

export function hostSupport(isSetSupported: SetCheck): HostSupport {
  const supports = (feature: Feature) => isSetSupported("ExcelApi", FEATURE_REQUIREMENTS[feature].excelApi);
  return {
    supports,
    require(feature) {
      if (!supports(feature)) throw new FeatureUnavailable(feature);
    },
  };
}

/** A host with every set, for callers that run outside Office (tests of the core, the CLI never calls this). */
export const FULL_SUPPORT: HostSupport = hostSupport(() => true);
