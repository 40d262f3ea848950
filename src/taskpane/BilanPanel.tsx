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
import { type Quarter, parseQuarter, quarterLabel, quartersBetween } from "../domain/quarters";
import { formatFrenchDate } from "../domain/dates";
import { quarterEnd } from "../domain/quarters";
import { midtermEnd, reportPeriod, type ReportKind } from "../domain/report";
import type { Tracking } from "../domain/tracking";
import type { BilanRequest } from "../excel";
import { handoverLabels, paneLabels } from "../labels/catalog";
import { describeError } from "./errors";
import { type FileHandover, type Handover, bilanCommand } from "./file-handover";
import { HandoverNote } from "./HandoverNote";
import type { TableauGateway } from "./gateway";
import { dropdownSlots } from "./list-fields";
import { defaultQuarter } from "./quarters-ui";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", alignItems: "stretch", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

const t = paneLabels.bilan;

const KIND_LABELS: Record<ReportKind, string> = t.kinds;
const AUTOMATIC = "";
const NUMERIC_TYPES = new Set(["nombre", "taux", "montant", "echelle"]);

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
export function BilanPanel({ gateway, tracking, handOver }: { gateway: TableauGateway; tracking: Tracking; handOver: FileHandover }) {
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
  const [handed, setHanded] = useState<Handover | undefined>();

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
    setHanded(undefined);
    try {
      if (what === "sheet") {
        const generated = await gateway.generateBilan(request());
        setMessage({ intent: "success", text: [t.sheetWritten(generated.sheetName, generated.charts), ...generated.notes].join(" ") });
      } else if (what === "deck") {
        const deck = await gateway.bilanDeck(request());
        const made = handoverLabels.made.deck(deck.fileName, deck.slides);
        setHanded(handOver({ fileName: deck.fileName, bytes: deck.bytes, made, command: bilanCommand(request()) }));
      } else {
        const document = await gateway.bilanDocument(request());
        const made = handoverLabels.made.document(document.fileName, document.axes, document.actions);
        setHanded(handOver({ fileName: document.fileName, bytes: document.bytes, made, command: bilanCommand(request()) }));
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
          <Dropdown
            {...dropdownSlots}
            value={String(year)}
            selectedOptions={[String(year)]}
            onOptionSelect={(_, data) => data.optionValue && setYear(Number(data.optionValue))}
          >
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
          <Dropdown
            {...dropdownSlots}
            value={quarterLabel(until)}
            selectedOptions={[until]}
            onOptionSelect={(_, data) => data.optionValue && setUntil(data.optionValue)}
          >
            {quarters.map((item) => (
              <Option key={item} value={item}>
                {quarterLabel(item)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      <Field label={t.seriesIndicator}>
        <Dropdown
          {...dropdownSlots}
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
      {handed && <HandoverNote handed={handed} />}
      <Body1>{t.regenerating}</Body1>
    </section>
  );
}
