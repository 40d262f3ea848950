import {
  Body1,
  Button,
  Caption1,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
  Spinner,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { yearOf } from "../domain/dates";
import {
  type AxisEvaluation,
  type FicheEvaluation,
  NO_EVALUATIONS,
  checkAxisEvaluation,
  checkFicheEvaluation,
  conventionYears,
  evaluationKey,
} from "../domain/evaluation";
import { allActions } from "../domain/plan";
import { compareQuarters, quarterLabel } from "../domain/quarters";
import type { Tracking } from "../domain/tracking";
import type { EntryProblem } from "../domain/validation";
import { APPRECIATIONS } from "../domain/vocabulary";
import { paneLabels, sentence } from "../labels/catalog";
import { AXIS_EVALUATION_SPEC, FICHE_EVALUATION_SPEC, columnOf } from "../workbook/tableau-columns";
import { promptOf } from "./column-prompt";
import { rowsWords } from "../workbook/places";
import { saveButton, saveFooter, useSaveFooter } from "./save-footer";
import { FichePicker } from "./FichePicker";
import { dropdownSlots } from "./list-fields";
import { describeError } from "./errors";
import type { TableauGateway } from "./gateway";

const t = paneLabels.evaluation;

/** The form's fields are the entry columns of the evaluation sheets: same names, same prompts as the cells. */
const columns = {
  effects: columnOf(FICHE_EVALUATION_SPEC, "effects"),
  evidence: columnOf(FICHE_EVALUATION_SPEC, "evidence"),
  appreciation: columnOf(FICHE_EVALUATION_SPEC, "appreciation"),
  adjustments: columnOf(FICHE_EVALUATION_SPEC, "adjustments"),
  synthesis: columnOf(AXIS_EVALUATION_SPEC, "synthesis"),
  decisions: columnOf(AXIS_EVALUATION_SPEC, "decisions"),
};
type TextField = "effects" | "evidence" | "adjustments" | "synthesis" | "decisions";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  context: { color: tokens.colorNeutralForeground2 },
  footer: saveFooter,
  saveButton,
});

type Subject = "fiche" | "axe";
type Texts = Record<TextField | "appreciation", string>;

function textsOf(fiche: FicheEvaluation | undefined, axis: AxisEvaluation | undefined): Texts {
  return {
    effects: fiche?.effects ?? "",
    evidence: fiche?.evidence ?? "",
    appreciation: fiche?.appreciation ?? "",
    adjustments: fiche?.adjustments ?? "",
    synthesis: axis?.synthesis ?? "",
    decisions: axis?.decisions ?? "",
  };
}

/**
 * « Évaluation »: one year's written evaluation of a fiche (effects for the inhabitants, sources, appreciation,
 * adjustments) or of an axe (synthesis, COPIL's decisions), written in the two evaluation sheets. A tableau of a
 * template before 1.4 is first given those sheets, by an update of its structure with the plan it already has.
 */
export function EvaluationPanel({
  gateway,
  tracking,
  hasSheets,
  onSaved,
}: {
  gateway: TableauGateway;
  tracking: Tracking;
  /** The tableau's template has the evaluation sheets (1.4 on). */
  hasSheets: boolean;
  onSaved: () => Promise<void>;
}) {
  const styles = useStyles();
  const footer = useSaveFooter();
  const today = gateway.today();
  const years = conventionYears(tracking.plan.convention).filter((year) => `${year}-01-01` <= today);
  const actions = useMemo(() => allActions(tracking.plan), [tracking.plan]);
  const evaluations = tracking.evaluations ?? NO_EVALUATIONS;
  const [year, setYear] = useState<number>(years.includes(yearOf(today)) ? yearOf(today) : (years[years.length - 1] ?? yearOf(tracking.plan.convention.start)));
  const [subject, setSubject] = useState<Subject>("fiche");
  const [code, setCode] = useState<string>(actions[0]?.code ?? "");
  const [axisCode, setAxisCode] = useState<string>(tracking.plan.axes[0]?.code ?? "");
  const stored = (forYear: number, fiche: string, axis: string) =>
    textsOf(
      evaluations.fiches.find((entry) => entry.year === forYear && entry.actionCode === fiche),
      evaluations.axes.find((entry) => entry.year === forYear && entry.axisCode === axis),
    );
  const [texts, setTexts] = useState<Texts>(() => stored(year, code, axisCode));
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string } | undefined>();
  const [adding, setAdding] = useState(false);

  const resetFor = (nextYear: number, nextCode: string, nextAxis: string) => {
    setYear(nextYear);
    setCode(nextCode);
    setAxisCode(nextAxis);
    setTexts(stored(nextYear, nextCode, nextAxis));
    setMessage(undefined);
  };

  if (!hasSheets) {
    return (
      <div className={styles.form}>
        <MessageBar intent="warning">
          <MessageBarBody>{t.missingSheets}</MessageBarBody>
        </MessageBar>
        {message && (
          <MessageBar intent={message.intent}>
            <MessageBarBody>{message.text}</MessageBarBody>
          </MessageBar>
        )}
        {adding ? (
          <Spinner label={t.addingSheets} />
        ) : (
          <Button
            appearance="primary"
            onClick={async () => {
              setAdding(true);
              try {
                await gateway.setUp(tracking.plan);
                await onSaved();
              } catch (error) {
                setMessage({ intent: "error", text: describeError(error) });
              } finally {
                setAdding(false);
              }
            }}
          >
            {t.addSheets}
          </Button>
        )}
      </div>
    );
  }

  const fiche = checkFicheEvaluation(code, year, {
    effects: texts.effects,
    evidence: texts.evidence,
    appreciation: texts.appreciation,
    adjustments: texts.adjustments,
  });
  const axis = checkAxisEvaluation(axisCode, year, { synthesis: texts.synthesis, decisions: texts.decisions });
  const problems: EntryProblem[] = subject === "fiche" ? fiche.problems : axis.problems;
  const problemOf = (field: EntryProblem["field"]) => problems.find((problem) => problem.field === field);
  const hasErrors = problems.some((problem) => problem.severity === "error");
  const yearStatuses = tracking.statuses
    .filter((entry) => entry.actionCode === code && entry.quarter.startsWith(`${year}-`) && entry.status !== undefined)
    .sort((a, b) => compareQuarters(a.quarter, b.quarter));
  const last = yearStatuses[yearStatuses.length - 1];
  const lastAchievements = [...yearStatuses].reverse().find((entry) => entry.achievements)?.achievements;

  const save = async () => {
    if (hasErrors) return;
    try {
      const written =
        subject === "fiche"
          ? await gateway.writeEvaluation({ kind: "fiche", entry: fiche.value })
          : await gateway.writeEvaluation({ kind: "axe", entry: axis.value });
      setMessage({
        intent: "success",
        text: t.saved(written.cells.length, subject === "fiche" ? t.ofFiche(code) : t.ofAxis(axisCode), year, rowsWords(written.cells)),
      });
      await onSaved();
    } catch (error) {
      setMessage({ intent: "error", text: describeError(error) });
    }
  };

  const textField = (field: TextField) => (
    <Field
      key={`${field}-${evaluationKey(subject === "fiche" ? code : axisCode, year)}`}
      label={columns[field].header}
      hint={promptOf(columns[field])}
      validationMessage={problemOf(field) ? sentence(problemOf(field)!.message) : undefined}
      validationState={problemOf(field) ? "error" : "none"}
    >
      <Textarea value={texts[field]} resize="vertical" onChange={(_, data) => setTexts({ ...texts, [field]: data.value })} />
    </Field>
  );

  return (
    <form
      className={styles.form}
      aria-label={t.form}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Body1>{t.intro}</Body1>
      <Field label={t.year}>
        <Dropdown
          {...dropdownSlots}
          value={String(year)}
          selectedOptions={[String(year)]}
          onOptionSelect={(_, data) => data.optionValue && resetFor(Number(data.optionValue), code, axisCode)}
        >
          {years.map((candidate) => (
            <Option key={candidate} value={String(candidate)}>
              {String(candidate)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t.subject}>
        <RadioGroup
          value={subject}
          onChange={(_, data) => {
            setSubject(data.value as Subject);
            setMessage(undefined);
          }}
        >
          <Radio value="fiche" label={t.subjects.fiche} />
          <Radio value="axe" label={t.subjects.axe} />
        </RadioGroup>
      </Field>
      {subject === "fiche" ? (
        <>
          <FichePicker actions={actions} code={code} label={t.fiche} onSelect={(next) => resetFor(year, next, axisCode)} />
          <Caption1 className={styles.context}>{last ? t.lastStatus(quarterLabel(last.quarter), last.status!, last.progress) : t.noStatus}</Caption1>
          {lastAchievements && <Caption1 className={styles.context}>{t.lastAchievements(lastAchievements)}</Caption1>}
          {textField("effects")}
          {textField("evidence")}
          <Field
            label={columns.appreciation.header}
            hint={promptOf(columns.appreciation)}
            validationMessage={problemOf("appreciation") ? sentence(problemOf("appreciation")!.message) : undefined}
            validationState={problemOf("appreciation") ? "error" : "none"}
          >
            <Dropdown
              {...dropdownSlots}
              placeholder={t.appreciationPlaceholder}
              value={texts.appreciation}
              selectedOptions={texts.appreciation ? [texts.appreciation] : []}
              onOptionSelect={(_, data) => setTexts({ ...texts, appreciation: data.optionValue ?? "" })}
            >
              <Option value="">{t.noAppreciation}</Option>
              {APPRECIATIONS.map((value) => (
                <Option key={value} value={value}>
                  {value}
                </Option>
              ))}
            </Dropdown>
          </Field>
          {textField("adjustments")}
        </>
      ) : (
        <>
          <Field label={t.axis}>
            <Dropdown
              {...dropdownSlots}
              value={(() => {
                const found = tracking.plan.axes.find((candidate) => candidate.code === axisCode);
                return found ? t.axisOption(found.code, found.title) : "";
              })()}
              selectedOptions={[axisCode]}
              onOptionSelect={(_, data) => data.optionValue && resetFor(year, code, data.optionValue)}
            >
              {tracking.plan.axes.map((candidate) => (
                <Option key={candidate.code} value={candidate.code}>
                  {t.axisOption(candidate.code, candidate.title)}
                </Option>
              ))}
            </Dropdown>
          </Field>
          {textField("synthesis")}
          {textField("decisions")}
        </>
      )}
      <div ref={footer} className={styles.footer}>
        {message && (
          <MessageBar intent={message.intent}>
            <MessageBarBody>{message.text}</MessageBarBody>
          </MessageBar>
        )}
        {hasErrors && <Caption1>{t.fixFields}</Caption1>}
        <Button appearance="primary" className={styles.saveButton} type="submit" disabled={hasErrors}>
          {t.save}
        </Button>
      </div>
    </form>
  );
}
