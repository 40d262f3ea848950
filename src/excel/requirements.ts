/**
 * What each feature of the add-in needs of Excel, as ExcelApi requirement sets, and the French message shown when
 * the host lacks it. The sets come from the Office.js calls each feature makes; the tests run every feature on
 * Microsoft's runtime with a host that stops at the set below, and check that one set lower fails.
 * - ExcelApi 1.7: `getRangeByIndexes`, `freezePanes`, `tabColor` (Excel 2019 in volume licence stops here);
 * - ExcelApi 1.8: `dataValidation`, which the set-up writes on every entry cell;
 * - ExcelApi 1.9: `pageLayout` (orientation, fit to width, print titles), skipped with a note when missing.
 */
export type Feature = "pane" | "entry" | "check" | "lock" | "setup" | "dataValidation" | "pageLayout" | "bilan" | "consolidation";

export interface FeatureRequirement {
  excelApi: string;
  /** The feature in a French sentence: "… nécessite …". */
  label: string;
}

export const FEATURE_REQUIREMENTS: Record<Feature, FeatureRequirement> = {
  pane: { excelApi: "1.7", label: "Le complément CTG Suivi" },
  check: { excelApi: "1.7", label: "La lecture et la vérification du tableau" },
  entry: { excelApi: "1.7", label: "La saisie trimestrielle" },
  lock: { excelApi: "1.7", label: "Le verrouillage d'un trimestre" },
  bilan: { excelApi: "1.7", label: "La génération d'un bilan" },
  consolidation: { excelApi: "1.7", label: "La consolidation des territoires" },
  setup: { excelApi: "1.8", label: "La mise en place ou la mise à jour du tableau (listes déroulantes et contrôles de saisie)" },
  dataValidation: { excelApi: "1.8", label: "Les contrôles de saisie des cellules (listes déroulantes, bornes)" },
  pageLayout: { excelApi: "1.9", label: "La mise en page pour l'impression (paysage, ajustement à la largeur)" },
};

/** Which Excel has which set, for the message (learn.microsoft.com, Excel JavaScript API requirement sets). */
const HOSTS_BY_SET: Record<string, string> = {
  "1.7": "Excel 2019, Excel 2021 ou plus récent, Microsoft 365 ou Excel sur le web",
  "1.8": "Excel 2021 ou plus récent, Microsoft 365 ou Excel sur le web",
  "1.9": "Excel 2021 ou plus récent, Microsoft 365 ou Excel sur le web",
};

export class FeatureUnavailable extends Error {
  constructor(readonly feature: Feature) {
    const requirement = FEATURE_REQUIREMENTS[feature];
    super(`${requirement.label} nécessite ExcelApi ${requirement.excelApi}, que cette version d'Excel ne propose pas. Utilisez ${HOSTS_BY_SET[requirement.excelApi] ?? "une version plus récente d'Excel"}.`);
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
