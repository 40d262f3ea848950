import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner, Subtitle2, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { formatFrenchDate, readDate } from "../domain/dates";
import { type Plan, readPlan, readPlanJson } from "../domain/plan";
import samplePlanJson from "../samples/monts-rance-rougier.plan.json";
import type { TableauReading } from "../workbook/parse-tableau";
import type { ImportedPlan } from "../import/parse-repertoire";
import { RepertoireImport } from "./RepertoireImport";
import { describeError } from "./errors";
import type { TableauGateway } from "./gateway";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

type Source = "exemple" | "repertoire" | "fichier" | "vide";

const FIELD_LABELS: Record<string, string> = {
  "convention.territory": "Territoire",
  "convention.start": "Début de la convention",
  "convention.end": "Fin de la convention",
  "convention.caf": "Caf",
};

function addYears(iso: string, years: number): string {
  const [year, month, day] = iso.split("-").map(Number);
  const end = new Date(Date.UTC(year + years, month - 1, day) - 86_400_000);
  return end.toISOString().slice(0, 10);
}

/** First screen when the workbook has no tableau: the convention, then the plan, then "Créer le tableau de suivi". */
export function SetupWizard({ gateway, reading, onDone }: { gateway: TableauGateway; reading?: TableauReading; onDone: (notes: string[]) => Promise<void> }) {
  const styles = useStyles();
  const start = `${gateway.today().slice(0, 4)}-01-01`;
  const [territory, setTerritory] = useState("");
  const [caf, setCaf] = useState("");
  const [signatories, setSignatories] = useState("");
  // Dates are typed as jj/mm/aaaa: a native date picker follows the browser's locale, not the user's French.
  const [period, setPeriod] = useState({ start: formatFrenchDate(start), end: formatFrenchDate(addYears(start, 5)) });
  const startIso = readDate(period.start);
  const endIso = readDate(period.end);
  const [source, setSource] = useState<Source>("exemple");
  const [fileText, setFileText] = useState<{ name: string; text: string } | undefined>();
  const [imported, setImported] = useState<ImportedPlan | undefined>();
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const buildPlan = (): Plan | undefined => {
    const convention = {
      territory: territory.trim(),
      start: startIso ?? period.start,
      end: endIso ?? period.end,
      ...(caf.trim() ? { caf: caf.trim() } : {}),
      signatories: signatories.split("\n").map((line) => line.trim()).filter(Boolean),
    };
    const axes =
      source === "exemple"
        ? samplePlanJson.axes
        : source === "vide"
          ? [{ code: "1", title: "Axe 1", subAxes: [{ code: "1.A", title: "Sous-axe 1.A", actions: [] }] }]
          : undefined;
    let reading;
    if (source === "repertoire") {
      if (!imported) {
        setProblems(["Choisissez ou collez un répertoire des fiches actions, puis vérifiez les types d'indicateurs."]);
        return undefined;
      }
      reading = readPlan({ ...imported, convention: { ...imported.convention, ...convention, territory: convention.territory || imported.convention.territory } });
    } else if (source === "fichier") {
      if (!fileText) {
        setProblems(["Choisissez un fichier de plan d'actions (.json)."]);
        return undefined;
      }
      const fromFile = readPlanJson(fileText.text);
      if (!fromFile.ok) {
        setProblems(fromFile.issues.map((issue) => `${fileText.name} — ${issue.path} : ${issue.message}`));
        return undefined;
      }
      reading = readPlan({ ...fromFile.plan, convention: { ...fromFile.plan.convention, ...convention, territory: convention.territory || fromFile.plan.convention.territory } });
    } else {
      reading = readPlan({ convention, axes });
    }
    if (!reading.ok) {
      setProblems(reading.issues.map((issue) => `${FIELD_LABELS[issue.path] ?? issue.path} : ${issue.message}`));
      return undefined;
    }
    return reading.plan;
  };

  const create = async () => {
    setProblems([]);
    const plan = buildPlan();
    if (!plan) return;
    setBusy(true);
    try {
      const done = await gateway.setUp(plan);
      await onDone(done.notes);
    } catch (error) {
      setProblems([describeError(error)]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className={styles.form}
      noValidate
      aria-label="Création du tableau de suivi"
      onSubmit={(event) => {
        event.preventDefault();
        void create();
      }}
    >
      <Subtitle2 as="h2">Créer le tableau de suivi</Subtitle2>
      {reading && reading.issues.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{`Ce classeur contient un tableau illisible : ${reading.issues[0].message}`}</MessageBarBody>
        </MessageBar>
      )}
      <Field label="Territoire" required hint="Commune ou communauté de communes signataire">
        <Input value={territory} onChange={(_, data) => setTerritory(data.value)} />
      </Field>
      <Field label="Caf">
        <Input value={caf} onChange={(_, data) => setCaf(data.value)} />
      </Field>
      <Field label="Signataires" hint="Un par ligne">
        <Textarea value={signatories} onChange={(_, data) => setSignatories(data.value)} />
      </Field>
      <Field label="Début de la convention" required hint="jj/mm/aaaa" validationMessage={startIso ? undefined : "Date attendue au format jj/mm/aaaa"}>
        <Input
          value={period.start}
          onChange={(_, data) => {
            const typed = readDate(data.value);
            setPeriod({ start: data.value, end: typed ? formatFrenchDate(addYears(typed, 5)) : period.end });
          }}
        />
      </Field>
      <Field label="Fin de la convention" required hint="jj/mm/aaaa ; par défaut, 5 ans après le début" validationMessage={endIso ? undefined : "Date attendue au format jj/mm/aaaa"}>
        <Input value={period.end} onChange={(_, data) => setPeriod({ ...period, end: data.value })} />
      </Field>
      <Field label="Plan d'actions">
        <RadioGroup value={source} onChange={(_, data) => setSource(data.value as Source)}>
          <Radio value="exemple" label="Plan d'exemple (CC Monts, Rance et Rougier, 15 fiches)" />
          <Radio value="repertoire" label="Importer un répertoire des fiches actions (Word ou texte)" />
          <Radio value="fichier" label="Fichier de plan (.json)" />
          <Radio value="vide" label="Plan vide, à compléter" />
        </RadioGroup>
      </Field>
      {source === "repertoire" && (
        <RepertoireImport
          onPlan={(plan) => {
            setImported(plan);
            if (!plan) return;
            // The document's own period and territory are the best defaults; what the user typed wins.
            setPeriod({ start: formatFrenchDate(plan.convention.start), end: formatFrenchDate(plan.convention.end) });
            if (!territory.trim() && plan.convention.territory !== "Territoire à préciser") setTerritory(plan.convention.territory);
          }}
        />
      )}
      {source === "fichier" && (
        <Field label="Fichier du plan d'actions">
          <input
            type="file"
            aria-label="Fichier du plan d'actions (.json)"
            accept=".json,application/json"
            onChange={async (event) => {
              const file = event.target.files?.[0];
              if (file) setFileText({ name: file.name, text: await file.text() });
            }}
          />
        </Field>
      )}
      {problems.length > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>
            <ul>
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <Button appearance="primary" type="submit" disabled={busy}>
        Créer le tableau de suivi
      </Button>
      {busy && <Spinner size="tiny" label="Création des feuilles…" />}
    </form>
  );
}
