import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { formatFrenchDate, readDate, readTypedDate } from "../domain/dates";
import { PLAN_FILE_LIMITS, type Plan, planFileTooLarge, readPlan, readPlanJson } from "../domain/plan";
import samplePlanJson from "../samples/monts-rance-rougier.plan.json";
import type { TableauReading } from "../workbook/parse-tableau";
import type { ImportedPlan } from "../import/parse-repertoire";
import { entryLabels, paneLabels, sentence } from "../labels/catalog";
import { WorkbookFilesButton } from "./WorkbookFilesButton";
import { RepertoireImport } from "./RepertoireImport";
import { describeError } from "./errors";
import type { TableauGateway } from "./gateway";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  file: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXS },
  // A list in a message bar 350 pixels wide: the browser's 40-pixel indent would leave little room for the words.
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Source = "exemple" | "repertoire" | "fichier" | "vide";

const t = paneLabels.setup;

/** The convention's fields by the paths the domain's problems give. */
const FIELD_LABELS: Record<string, string> = {
  "convention.territory": t.fields.territory,
  "convention.start": t.fields.start,
  "convention.end": t.fields.end,
  "convention.caf": t.fields.caf,
};

/** A problem under its field, as a sentence. */
function said(problem: string | undefined): string | undefined {
  return problem ? sentence(problem) : undefined;
}

/** Why a typed date is refused: an impossible day is named as such, not called a bad format. */
function dateProblem(typed: string): string | undefined {
  const reading = readTypedDate(typed);
  if ("date" in reading) return undefined;
  return reading.problem === "impossible" ? t.dateImpossible(typed.trim()) : t.dateInvalid;
}

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
      signatories: signatories
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean),
    };
    const axes =
      source === "exemple"
        ? samplePlanJson.axes
        : source === "vide"
          ? [{ code: "1", title: t.emptyPlan.axis, subAxes: [{ code: "1.A", title: t.emptyPlan.subAxis, actions: [] }] }]
          : undefined;
    let reading;
    if (source === "repertoire") {
      if (!imported) {
        setProblems([t.chooseRepertoire]);
        return undefined;
      }
      reading = readPlan({
        ...imported,
        convention: { ...imported.convention, ...convention, territory: convention.territory || imported.convention.territory },
      });
    } else if (source === "fichier") {
      if (!fileText) {
        setProblems([t.choosePlanFile]);
        return undefined;
      }
      const fromFile = readPlanJson(fileText.text);
      if (!fromFile.ok) {
        setProblems(fromFile.issues.map((issue) => t.fileProblemAt(fileText.name, issue.path, issue.message)));
        return undefined;
      }
      reading = readPlan({
        ...fromFile.plan,
        convention: { ...fromFile.plan.convention, ...convention, territory: convention.territory || fromFile.plan.convention.territory },
      });
    } else {
      reading = readPlan({ convention, axes });
    }
    if (!reading.ok) {
      // A date typed wrong is told as its field tells it (jj/mm/aaaa, or a day the calendar lacks), not in the plan file's AAAA-MM-JJ.
      const typedDates: Record<string, string | undefined> = { "convention.start": dateProblem(period.start), "convention.end": dateProblem(period.end) };
      setProblems(reading.issues.map((issue) => t.problemAt(FIELD_LABELS[issue.path] ?? issue.path, typedDates[issue.path] ?? issue.message)));
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
      aria-label={t.form}
      onSubmit={(event) => {
        event.preventDefault();
        void create();
      }}
    >
      <Subtitle2 as="h2">{t.heading}</Subtitle2>
      {reading && reading.issues.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.unreadableTableau(reading.issues[0].message)}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={t.fields.territory} required hint={t.territoryHint}>
        <Input value={territory} onChange={(_, data) => setTerritory(data.value)} />
      </Field>
      <Field label={t.fields.caf}>
        <Input value={caf} onChange={(_, data) => setCaf(data.value)} />
      </Field>
      <Field label={t.fields.signatories} hint={t.signatoriesHint}>
        <Textarea value={signatories} onChange={(_, data) => setSignatories(data.value)} />
      </Field>
      <Field label={t.fields.start} required hint={t.dateHint} validationMessage={said(dateProblem(period.start))}>
        <Input
          value={period.start}
          onChange={(_, data) => {
            const typed = readDate(data.value);
            setPeriod({ start: data.value, end: typed ? formatFrenchDate(addYears(typed, 5)) : period.end });
          }}
        />
      </Field>
      <Field label={t.fields.end} required hint={t.endHint} validationMessage={said(dateProblem(period.end))}>
        <Input value={period.end} onChange={(_, data) => setPeriod({ ...period, end: data.value })} />
      </Field>
      <Field label={t.plan}>
        <RadioGroup value={source} onChange={(_, data) => setSource(data.value as Source)}>
          <Radio value="exemple" label={t.sources.exemple} />
          <Radio value="repertoire" label={t.sources.repertoire} />
          <Radio value="fichier" label={t.sources.fichier} />
          <Radio value="vide" label={t.sources.vide} />
        </RadioGroup>
      </Field>
      {source === "repertoire" && (
        <RepertoireImport
          onPlan={(plan) => {
            setImported(plan);
            if (!plan) return;
            // The document's own period and territory are the best defaults; what the user typed wins.
            setPeriod({ start: formatFrenchDate(plan.convention.start), end: formatFrenchDate(plan.convention.end) });
            if (!territory.trim() && plan.convention.territory !== t.unnamedTerritory) setTerritory(plan.convention.territory);
          }}
        />
      )}
      {source === "fichier" && (
        <div className={styles.file} role="group" aria-label={t.planFile}>
          <Body1>{t.planFile}</Body1>
          <WorkbookFilesButton
            label={t.pickPlanFile}
            inputLabel={t.planFileInput}
            accept=".json,application/json"
            multiple={false}
            onFiles={async ([file]) => {
              if (!file) return;
              // Told from the file's size, before any of it is read into the pane.
              if (file.size > PLAN_FILE_LIMITS.maxBytes) {
                setFileText(undefined);
                setProblems([t.fileProblemAt(file.name, entryLabels.plan.wholeFile, planFileTooLarge(file.size))]);
                return;
              }
              setProblems([]);
              setFileText({ name: file.name, text: await file.text() });
            }}
          />
          <Caption1 aria-live="polite">{fileText ? paneLabels.repertoire.fileChosen(fileText.name) : paneLabels.repertoire.noFile}</Caption1>
        </div>
      )}
      {problems.length > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>
            <ul className={styles.problems}>
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <Button appearance="primary" type="submit" disabled={busy}>
        {t.create}
      </Button>
      {busy && <Spinner size="tiny" label={t.creating} />}
    </form>
  );
}
