import {
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { formatFrenchNumber } from "../domain/numbers";
import { allActions } from "../domain/plan";
import { type Finding, draftFindings } from "../domain/plausibility";
import { measuredQuarters, previousQuarter, quarterLabel, quartersBetween } from "../domain/quarters";
import { type Tracking, measurementKey, statusKey } from "../domain/tracking";
import { checkMeasurementValue, checkStatusEntry, checkText } from "../domain/validation";
import { INDICATOR_TYPE_LABELS, STATUSES } from "../domain/vocabulary";
import { paneLabels, sentence, vocabularyLabels } from "../labels/catalog";
import { MEASUREMENTS_SPEC, TRACKING_SPEC, columnOf } from "../workbook/tableau-columns";
import { FichePicker } from "./FichePicker";
import { dropdownSlots } from "./list-fields";
import { QuarterPicker } from "./QuarterPicker";
import { promptOf } from "./column-prompt";
import { rowsWords } from "../workbook/places";
import { saveButton, saveFooter, useSaveFooter } from "./save-footer";
import { describeError } from "./errors";
import type { TableauGateway } from "./gateway";
import { defaultQuarter, startedQuarters } from "./quarters-ui";

const t = paneLabels.entryForm;

/** The form's fields are the entry columns of the tableau: same names, same prompts as the cells. */
const columns = {
  status: columnOf(TRACKING_SPEC, "status"),
  progress: columnOf(TRACKING_SPEC, "progress"),
  achievements: columnOf(TRACKING_SPEC, "achievements"),
  difficulties: columnOf(TRACKING_SPEC, "difficulties"),
  adjustments: columnOf(TRACKING_SPEC, "adjustments"),
  comment: columnOf(MEASUREMENTS_SPEC, "comment"),
};

const [YES, NO] = vocabularyLabels.yesNo;

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  footer: saveFooter,
  saveButton,
  indicator: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS },
});

type Texts = { status: string; progress: string; achievements: string; difficulties: string; adjustments: string };

/** A domain problem under its field, as a sentence; no problem, no message. */
function said(problem: { message: string } | undefined): string | undefined {
  return problem ? sentence(problem.message) : undefined;
}

function display(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "boolean") return value ? YES : NO;
  if (typeof value === "number") return formatFrenchNumber(value);
  return String(value);
}

/** The key of the status's mark among the indicators' ids (which never start with a « # »). */
const STATUS_MARK = "#statut";

/**
 * A plausibility warning under its field: the reason, the values it was compared with, and the box that marks it
 * as verified. A warning, never an error: the save button stays enabled.
 */
function Plausibility({
  finding,
  label,
  checked,
  disabled,
  onChange,
  show = display,
}: {
  finding: Finding | undefined;
  label: string;
  checked: boolean;
  disabled: boolean;
  onChange: (checked: boolean) => void;
  show?: (value: number) => string;
}) {
  if (!finding) return null;
  const previous = finding.previous.map((point) => t.previousValue(quarterLabel(point.quarter), show(point.value)));
  return (
    <MessageBar intent={checked ? "info" : "warning"}>
      <MessageBarBody>
        {sentence(finding.message)}
        {previous.length > 0 && ` ${t.previousValues(previous)}`}
        <div>
          <Checkbox label={label} checked={checked} disabled={disabled} onChange={(_, data) => onChange(data.checked === true)} />
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}

/** The quarterly entry of one fiche: checked as the user types, written only when every field is valid. */
export function EntryForm({ gateway, tracking, onSaved }: { gateway: TableauGateway; tracking: Tracking; onSaved: () => Promise<void> }) {
  const styles = useStyles();
  const footer = useSaveFooter();
  const actions = useMemo(() => allActions(tracking.plan), [tracking]);
  const quarters = useMemo(() => startedQuarters(tracking, gateway.today()), [tracking, gateway]);
  const [quarter, setQuarter] = useState(() => defaultQuarter(tracking, gateway.today()));
  const [code, setCode] = useState(actions[0]?.code ?? "");
  const action = actions.find((candidate) => candidate.code === code);
  const saved = tracking.statuses.find((entry) => statusKey(entry.actionCode, entry.quarter) === statusKey(code, quarter));
  const initialTexts = (): Texts => ({
    status: saved?.status ?? "",
    progress: saved?.progress === undefined ? "" : String(saved.progress),
    achievements: saved?.achievements ?? "",
    difficulties: saved?.difficulties ?? "",
    adjustments: saved?.adjustments ?? "",
  });
  const [texts, setTexts] = useState<Texts>(initialTexts);
  const values = useMemo(() => new Map(tracking.measurements.map((entry) => [measurementKey(entry.indicatorId, entry.quarter), entry])), [tracking]);
  const [indicatorTexts, setIndicatorTexts] = useState<Record<string, { value: string; comment: string }>>({});
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string } | undefined>();
  /** Marks of verification typed in the form, by indicator id and STATUS_MARK; absent, the stored mark holds. */
  const [marks, setMarks] = useState<Record<string, boolean>>({});
  const locked = tracking.lockedQuarters.includes(quarter);
  const allQuarters = quartersBetween(tracking.plan.convention.start, tracking.plan.convention.end);
  const indicators = (action?.indicators ?? []).filter((indicator) => measuredQuarters(indicator.periodicity, allQuarters).includes(quarter));

  const resetFor = (nextCode: string, nextQuarter: string) => {
    setCode(nextCode);
    setQuarter(nextQuarter);
    const entry = tracking.statuses.find((item) => item.actionCode === nextCode && item.quarter === nextQuarter);
    setTexts({
      status: entry?.status ?? "",
      progress: entry?.progress === undefined ? "" : String(entry.progress),
      achievements: entry?.achievements ?? "",
      difficulties: entry?.difficulties ?? "",
      adjustments: entry?.adjustments ?? "",
    });
    setIndicatorTexts({});
    setMarks({});
    setMessage(undefined);
  };

  const checkedStatus = checkStatusEntry(code, quarter, texts);
  const problemOf = (field: string) => checkedStatus.problems.find((problem) => problem.field === field);
  const indicatorInput = (id: string) => {
    const typed = indicatorTexts[id];
    if (typed) return typed;
    const stored = values.get(measurementKey(id, quarter));
    return { value: display(stored?.value), comment: stored?.comment ?? "" };
  };
  const checkedIndicators = indicators.map((indicator) => {
    const input = indicatorInput(indicator.id);
    return { indicator, input, value: checkMeasurementValue(indicator, input.value), comment: checkText("comment", t.commentInMessage, input.comment) };
  });
  const markOf = (key: string): boolean =>
    marks[key] ?? (key === STATUS_MARK ? saved?.confirmed === true : values.get(measurementKey(key, quarter))?.confirmed === true);
  const status = { ...checkedStatus.value, ...(markOf(STATUS_MARK) ? { confirmed: true } : {}) };
  const measurementsTyped = checkedIndicators.map(({ indicator, value, comment }) => ({
    indicator,
    measurement: {
      indicatorId: indicator.id,
      quarter,
      ...(value.value !== undefined ? { value: value.value } : {}),
      ...(comment.value ? { comment: comment.value } : {}),
      ...(markOf(indicator.id) ? { confirmed: true } : {}),
    },
  }));
  const findings = draftFindings(
    tracking,
    { status, measurements: measurementsTyped.map(({ measurement }) => measurement) },
    { measured: (id) => indicators.some((indicator) => indicator.id === id) },
  );
  const findingOf = (key: string): Finding | undefined =>
    findings.find((finding) => (key === STATUS_MARK ? finding.place.kind === "status" : finding.place.kind === "value" && finding.place.indicatorId === key));
  const unconfirmed = [STATUS_MARK, ...indicators.map((indicator) => indicator.id)].filter((key) => findingOf(key) && !markOf(key)).length;
  const hasErrors =
    checkedStatus.problems.some((problem) => problem.severity === "error") ||
    checkedIndicators.some((item) => item.value.problems.length > 0 || item.comment.problems.length > 0);

  const save = async () => {
    if (hasErrors || locked) return;
    try {
      const written = await gateway.writeEntry({ status, measurements: measurementsTyped });
      setMessage({
        intent: "success",
        text: [t.saved(written.cells.length, code, quarterLabel(quarter), rowsWords(written.cells)), ...written.notes].join(" "),
      });
      await onSaved();
    } catch (error) {
      setMessage({ intent: "error", text: describeError(error) });
    }
  };

  const previous = previousQuarter(quarter);

  return (
    <form
      className={styles.form}
      aria-label={t.form}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <QuarterPicker quarters={quarters} locked={tracking.lockedQuarters} value={quarter} onChange={(quarter) => resetFor(code, quarter)} />
      <FichePicker actions={actions} code={code} label={t.fiche} hint={t.ficheHint} onSelect={(next) => resetFor(next, quarter)} />
      {locked && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.lockedQuarter(quarterLabel(quarter))}</MessageBarBody>
        </MessageBar>
      )}
      <Field
        label={columns.status.header}
        hint={promptOf(columns.status)}
        validationMessage={said(problemOf("status"))}
        validationState={problemOf("status") ? (problemOf("status")!.severity === "error" ? "error" : "warning") : "none"}
      >
        <Dropdown
          {...dropdownSlots}
          placeholder={t.statusPlaceholder}
          value={texts.status}
          selectedOptions={texts.status ? [texts.status] : []}
          disabled={locked}
          onOptionSelect={(_, data) => {
            setTexts({ ...texts, status: data.optionValue ?? "" });
            setMarks({ ...marks, [STATUS_MARK]: false });
          }}
        >
          {STATUSES.map((status) => (
            <Option key={status} value={status}>
              {status}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Plausibility
        finding={findingOf(STATUS_MARK)}
        label={t.confirmStatus}
        checked={markOf(STATUS_MARK)}
        disabled={locked}
        onChange={(checked) => setMarks({ ...marks, [STATUS_MARK]: checked })}
      />
      <Field
        label={t.progress(columns.progress.header)}
        hint={promptOf(columns.progress)}
        validationMessage={said(problemOf("progress"))}
        validationState={problemOf("progress") ? "error" : "none"}
      >
        <Input inputMode="numeric" value={texts.progress} disabled={locked} onChange={(_, data) => setTexts({ ...texts, progress: data.value })} />
      </Field>
      {(["achievements", "difficulties", "adjustments"] as const).map((field) => (
        <Field
          key={field}
          label={columns[field].header}
          hint={promptOf(columns[field])}
          validationMessage={said(problemOf(field))}
          validationState={problemOf(field) ? (problemOf(field)!.severity === "error" ? "error" : "warning") : "none"}
        >
          <Textarea value={texts[field]} disabled={locked} resize="vertical" onChange={(_, data) => setTexts({ ...texts, [field]: data.value })} />
        </Field>
      ))}
      {checkedIndicators.length > 0 && <Subtitle2 as="h2">{t.indicatorsHeading}</Subtitle2>}
      {checkedIndicators.map(({ indicator, input, value, comment }) => {
        const before = values.get(measurementKey(indicator.id, previous));
        const details = [
          INDICATOR_TYPE_LABELS[indicator.type],
          indicator.unit ? t.unit(indicator.unit) : undefined,
          indicator.baseline !== undefined ? t.baseline(display(indicator.baseline)) : undefined,
          indicator.target !== undefined ? t.target(display(indicator.target)) : undefined,
          before?.value !== undefined ? t.previousQuarter(display(before.value)) : undefined,
        ].filter(Boolean);
        return (
          <div key={indicator.id} className={styles.indicator}>
            <Field
              label={indicator.label}
              hint={details.join(" · ")}
              validationMessage={said(value.problems[0])}
              validationState={value.problems.length > 0 ? "error" : "none"}
            >
              <Input
                value={input.value}
                disabled={locked}
                onChange={(_, data) => {
                  setIndicatorTexts({ ...indicatorTexts, [indicator.id]: { ...input, value: data.value } });
                  // A mark is about the value checked: a new value is checked again.
                  setMarks({ ...marks, [indicator.id]: false });
                }}
              />
            </Field>
            {value.problems.length === 0 && (
              <Plausibility
                finding={findingOf(indicator.id)}
                label={t.confirmValue}
                checked={markOf(indicator.id)}
                disabled={locked}
                onChange={(checked) => setMarks({ ...marks, [indicator.id]: checked })}
                show={(number) => display(indicator.type === "taux" ? `${formatFrenchNumber(number)}\u00a0%` : number)}
              />
            )}
            {/* The comment is checked like every text (TEXT_MAX_LENGTH): a refused one says so here, not only by a disabled button. */}
            <Field
              label={t.comment(columns.comment.header, indicator.id)}
              validationMessage={said(comment.problems[0])}
              validationState={comment.problems.length > 0 ? "error" : "none"}
            >
              <Input
                value={input.comment}
                disabled={locked}
                onChange={(_, data) => setIndicatorTexts({ ...indicatorTexts, [indicator.id]: { ...input, comment: data.value } })}
              />
            </Field>
          </div>
        );
      })}
      <div ref={footer} className={styles.footer}>
        {message && (
          <MessageBar intent={message.intent}>
            <MessageBarBody>{message.text}</MessageBarBody>
          </MessageBar>
        )}
        {unconfirmed > 0 && !locked && <Caption1>{t.warningsDoNotBlock(unconfirmed)}</Caption1>}
        {hasErrors && !locked && <Caption1>{t.fixFields}</Caption1>}
        <Button appearance="primary" className={styles.saveButton} type="submit" disabled={hasErrors || locked}>
          {t.save}
        </Button>
      </div>
    </form>
  );
}
