import {
  Body1,
  Button,
  Checkbox,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { allIndicators } from "../domain/plan";
import { type Quarter, parseQuarter, quartersBetween } from "../domain/quarters";
import { formatFrenchDate } from "../domain/dates";
import { quarterEnd } from "../domain/quarters";
import { midtermEnd, reportPeriod, type ReportKind } from "../domain/report";
import type { Tracking } from "../domain/tracking";
import type { BilanRequest } from "../excel";
import { paneLabels } from "../labels/catalog";
import { describeError } from "./errors";
import type { TableauGateway } from "./gateway";
import { defaultQuarter } from "./quarters-ui";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", alignItems: "stretch", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

const t = paneLabels.bilan;

const KIND_LABELS: Record<ReportKind, string> = t.kinds;
const AUTOMATIC = "";
const NUMERIC_TYPES = new Set(["nombre", "taux", "montant", "echelle"]);

export type SaveFile = (fileName: string, bytes: Uint8Array) => void;

/** The media type a download is saved with, by the file's extension: the browser picks the application from it. */
const MEDIA_TYPES: Record<string, string> = {
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  zip: "application/zip",
};

/** Offers the browser's download of a generated file; in Excel the add-in's web view saves it like a browser. */
export const downloadFile: SaveFile = (fileName, bytes) => {
  const extension = fileName.slice(fileName.lastIndexOf(".") + 1).toLowerCase();
  const blob = new Blob([bytes as BlobPart], { type: MEDIA_TYPES[extension] ?? "application/octet-stream" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
};

/** The bilan intermédiaire's last quarter by default: the end of the middle year, or the last quarter over if earlier. */
function defaultMidtermEnd(tracking: Tracking, today: string): Quarter {
  const middle = midtermEnd(tracking);
  const ended = quartersBetween(tracking.plan.convention.start, tracking.plan.convention.end).filter((quarter) => quarterEnd(quarter) < today);
  const lastEnded = ended[ended.length - 1];
  return lastEnded !== undefined && lastEnded < middle ? lastEnded : middle;
}

/**
 * Point d'étape, bilan intermédiaire or final: the sheet with its native charts, and to download the written bilan
 * (Word) a COPIL adopts and the COPIL deck.
 */
export function BilanPanel({ gateway, tracking, saveFile = downloadFile }: { gateway: TableauGateway; tracking: Tracking; saveFile?: SaveFile }) {
  const styles = useStyles();
  const quarters = useMemo(() => quartersBetween(tracking.plan.convention.start, tracking.plan.convention.end), [tracking]);
  const years = useMemo(() => [...new Set(quarters.map((quarter) => parseQuarter(quarter)!.year))], [quarters]);
  const indicators = useMemo(() => allIndicators(tracking.plan).filter(({ indicator }) => NUMERIC_TYPES.has(indicator.type)), [tracking]);
  const hasPetiteEnfance = useMemo(
    () => tracking.plan.axes.some((axis) => axis.subAxes.some((sub) => sub.actions.some((action) => action.fields.includes("petite enfance")))),
    [tracking],
  );

  const [kind, setKind] = useState<ReportKind>("annual");
  const [year, setYear] = useState(() => parseQuarter(defaultQuarter(tracking, gateway.today()))!.year);
  const [until, setUntil] = useState<Quarter>(() => defaultMidtermEnd(tracking, gateway.today()));
  const [provisional, setProvisional] = useState(false);
  const today = gateway.today();
  // A bilan intermédiaire or final before its period ends: made only as provisoire, by the user's choice.
  const periodEnd = useMemo(() => {
    const period = reportPeriod(tracking, { kind, ...(kind === "annual" ? { year } : {}), ...(kind === "midterm" ? { until } : {}) });
    return quarterEnd(period[period.length - 1]);
  }, [tracking, kind, year, until]);
  const notOver = kind !== "annual" && today <= periodEnd;
  const [cdsf, setCdsf] = useState(false);
  const [indicatorId, setIndicatorId] = useState(AUTOMATIC);
  const [busy, setBusy] = useState<"sheet" | "deck" | "document" | undefined>();
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string } | undefined>();

  const request = (): BilanRequest => ({
    kind,
    ...(kind === "annual" ? { year } : {}),
    ...(kind === "midterm" ? { until } : {}),
    ...(cdsf ? { cdsf } : {}),
    ...(notOver && provisional ? { provisional } : {}),
    ...(indicatorId !== AUTOMATIC ? { seriesIndicatorId: indicatorId } : {}),
  });

  const act = async (what: "sheet" | "deck" | "document") => {
    setBusy(what);
    setMessage(undefined);
    try {
      if (what === "sheet") {
        const generated = await gateway.generateBilan(request());
        setMessage({ intent: "success", text: [t.sheetWritten(generated.sheetName, generated.charts), ...generated.notes].join(" ") });
      } else if (what === "deck") {
        const deck = await gateway.bilanDeck(request());
        saveFile(deck.fileName, deck.bytes);
        setMessage({ intent: "success", text: t.deckReady(deck.fileName, deck.slides) });
      } else {
        const document = await gateway.bilanDocument(request());
        saveFile(document.fileName, document.bytes);
        setMessage({ intent: "success", text: t.documentReady(document.fileName, document.axes, document.actions) });
      }
    } catch (caught) {
      setMessage({ intent: "error", text: describeError(caught) });
    } finally {
      setBusy(undefined);
    }
  };

  const indicatorLabel = (id: string) => {
    const found = indicators.find(({ indicator }) => indicator.id === id);
    return found ? `${found.action.code} — ${found.indicator.label}` : t.automatic;
  };

  return (
    <section aria-label={t.region} className={styles.panel}>
      <Field label={t.kindField}>
        <RadioGroup value={kind} onChange={(_, data) => setKind(data.value as ReportKind)}>
          {(Object.keys(KIND_LABELS) as ReportKind[]).map((value) => (
            <Radio key={value} value={value} label={KIND_LABELS[value]} />
          ))}
        </RadioGroup>
      </Field>
      {kind === "annual" && (
        <Field label={t.year}>
          <Dropdown value={String(year)} selectedOptions={[String(year)]} onOptionSelect={(_, data) => data.optionValue && setYear(Number(data.optionValue))}>
            {years.map((item) => (
              <Option key={item} value={String(item)}>
                {String(item)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      {kind === "midterm" && (
        <Field label={t.until} hint={t.untilHint}>
          <Dropdown value={until} selectedOptions={[until]} onOptionSelect={(_, data) => data.optionValue && setUntil(data.optionValue)}>
            {quarters.map((item) => (
              <Option key={item} value={item}>
                {item}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      <Field label={t.seriesIndicator}>
        <Dropdown
          value={indicatorLabel(indicatorId)}
          selectedOptions={[indicatorId]}
          onOptionSelect={(_, data) => setIndicatorId(data.optionValue ?? AUTOMATIC)}
        >
          <Option value={AUTOMATIC}>{t.automatic}</Option>
          {indicators.map(({ action, indicator }) => (
            <Option key={indicator.id} value={indicator.id} text={`${action.code} — ${indicator.label}`}>
              {`${action.code} — ${indicator.label}`}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {notOver && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.notOver(KIND_LABELS[kind], formatFrenchDate(periodEnd), formatFrenchDate(today))}</MessageBarBody>
        </MessageBar>
      )}
      {notOver && <Checkbox checked={provisional} onChange={(_, data) => setProvisional(data.checked === true)} label={t.provisional} />}
      <Checkbox
        checked={cdsf}
        disabled={!hasPetiteEnfance}
        onChange={(_, data) => setCdsf(data.checked === true)}
        label={hasPetiteEnfance ? t.cdsf : t.cdsfUnavailable}
      />
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy !== undefined || (notOver && !provisional)} onClick={() => void act("sheet")}>
          {t.generate}
        </Button>
        <Button disabled={busy !== undefined || (notOver && !provisional)} onClick={() => void act("document")}>
          {t.downloadDocument}
        </Button>
        <Button disabled={busy !== undefined || (notOver && !provisional)} onClick={() => void act("deck")}>
          {t.downloadDeck}
        </Button>
      </div>
      {busy === "sheet" && <Spinner size="tiny" label={t.writingSheet} />}
      {busy === "deck" && <Spinner size="tiny" label={t.preparingDeck} />}
      {busy === "document" && <Spinner size="tiny" label={t.preparingDocument} />}
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      <Body1>{t.regenerating}</Body1>
    </section>
  );
}
