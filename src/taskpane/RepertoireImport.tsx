import {
  Body1,
  Button,
  Caption1,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Spinner,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { INDICATOR_TYPES, INDICATOR_TYPE_LABELS, type IndicatorType } from "../domain/vocabulary";
import { NotARepertoire, parseRepertoire, type ImportResult, type ImportWarning, type ImportedPlan } from "../import/parse-repertoire";
import { NotText, TextRefused } from "../import/text-encoding";
import { Refusal } from "../domain/refusal";
import { frenchTypography, paneLabels } from "../labels/catalog";
import { dropdownSlots } from "./list-fields";
import { WorkbookFilesButton } from "./WorkbookFilesButton";

const t = paneLabels.repertoire;

const useStyles = makeStyles({
  column: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  file: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXS },
  pick: { maxWidth: "100%" },
  // A list in a message bar 350 pixels wide: the browser's 40-pixel indent would leave little room for the words.
  warnings: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  fiche: {
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
});

/** The répertoire with the indicator types the user settled on. */
export function withTypes(plan: ImportedPlan, types: Record<string, IndicatorType>): ImportedPlan {
  return {
    ...plan,
    axes: plan.axes.map((axis) => ({
      ...axis,
      subAxes: axis.subAxes.map((sub) => ({
        ...sub,
        actions: sub.actions.map((action) => ({
          ...action,
          indicators: action.indicators.map((indicator, index) => ({ ...indicator, type: types[`${action.code}#${index}`] ?? indicator.type })),
        })),
      })),
    })),
  };
}

/**
 * Import step of the wizard: a Word or text répertoire is read, its fiches and the inferred indicator types are shown
 * for review, and the reviewed plan is handed back.
 */
export function RepertoireImport({ onPlan }: { onPlan: (plan: ImportedPlan | undefined) => void }) {
  const styles = useStyles();
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [result, setResult] = useState<ImportResult | undefined>();
  const [types, setTypes] = useState<Record<string, IndicatorType>>({});
  const [fileName, setFileName] = useState<string | undefined>();

  const refuse = (message: string) => {
    setResult(undefined);
    onPlan(undefined);
    setError(message);
  };
  /** `fileName` when the text comes from a file: a refusal of its text then names it. */
  const analyse = (source: string, readingWarnings: readonly ImportWarning[] = [], fileName?: string) => {
    setError(undefined);
    try {
      const parsed = parseRepertoire(source, readingWarnings);
      setResult(parsed);
      setTypes({});
      onPlan(parsed.plan);
    } catch (caught) {
      if (caught instanceof NotARepertoire) refuse(t.notARepertoire(caught.message));
      else if (caught instanceof TextRefused) refuse(fileName ? t.fileRefused(fileName, caught.message) : t.pastedRefused(caught.message));
      else refuse(t.unreadable(String(caught)));
    }
  };
  const readFile = async (file: File) => {
    setBusy(true);
    try {
      // Loaded on demand, with the Word reader: the pane pays for them only when a user imports a file.
      const { readRepertoireFile, repertoireFileLimit, repertoireTooLarge } = await import("../import/repertoire-file");
      // Told from the file's size, before any of it is read into the pane.
      if (file.size > repertoireFileLimit(file.name)) throw repertoireTooLarge(file.name, file.size);
      const { text, warnings } = await readRepertoireFile(new Uint8Array(await file.arrayBuffer()), file.name);
      analyse(text, warnings, file.name);
    } catch (caught) {
      if (caught instanceof TextRefused || caught instanceof NotText) refuse(t.fileRefused(file.name, caught.message));
      else refuse(caught instanceof Refusal ? caught.message : t.unreadable(String(caught)));
    } finally {
      setBusy(false);
    }
  };
  const setType = (key: string, type: IndicatorType) => {
    const next = { ...types, [key]: type };
    setTypes(next);
    if (result) onPlan(withTypes(result.plan, next));
  };
  const actions = result?.plan.axes.flatMap((axis) => axis.subAxes.flatMap((sub) => sub.actions)) ?? [];

  return (
    <div className={styles.column}>
      <div className={styles.file}>
        <Body1>{t.file}</Body1>
        <WorkbookFilesButton
          className={styles.pick}
          label={t.pickFile}
          inputLabel={t.file}
          accept=".docx,.txt,text/plain"
          multiple={false}
          onFiles={(files) => {
            if (!files[0]) return;
            setFileName(files[0].name);
            void readFile(files[0]);
          }}
        />
        <Caption1 aria-live="polite">{fileName ? t.fileChosen(fileName) : t.noFile}</Caption1>
      </div>
      <Field label={t.paste}>
        <Textarea value={text} onChange={(_, data) => setText(data.value)} resize="vertical" />
      </Field>
      <Button onClick={() => analyse(text)} disabled={!text.trim()}>
        {t.analyse}
      </Button>
      {busy && <Spinner size="tiny" label={t.readingDocument} />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <>
          <Subtitle2 as="h3">{t.found(result.actionCount)}</Subtitle2>
          {result.warnings.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                <ul className={styles.warnings}>
                  {result.warnings.map((warning, index) => (
                    <li key={index}>{frenchTypography(t.warning(warning.code, warning.section, warning.message))}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          {actions.map((action) => (
            <div key={action.code} className={styles.fiche}>
              <Body1>
                <strong>{action.code}</strong> {action.title}
              </Body1>
              {action.indicators.length === 0 && <Caption1>{t.noIndicator}</Caption1>}
              {action.indicators.map((indicator, index) => {
                const key = `${action.code}#${index}`;
                const type = types[key] ?? (indicator.type as IndicatorType);
                return (
                  <Field key={key} label={indicator.label} orientation="vertical">
                    <Dropdown
                      {...dropdownSlots}
                      value={INDICATOR_TYPE_LABELS[type]}
                      selectedOptions={[type]}
                      onOptionSelect={(_, data) => data.optionValue && setType(key, data.optionValue as IndicatorType)}
                    >
                      {INDICATOR_TYPES.map((candidate) => (
                        <Option key={candidate} value={candidate}>
                          {INDICATOR_TYPE_LABELS[candidate]}
                        </Option>
                      ))}
                    </Dropdown>
                  </Field>
                );
              })}
            </div>
          ))}
        </>
      )}
    </div>
  );
}
