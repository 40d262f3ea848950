import {
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { ReadingProgress } from "./ReadingProgress";
import { WorkbookFilesButton } from "./WorkbookFilesButton";
import type { CollectBy } from "../domain/collection";
import { quarterLabel } from "../domain/quarters";
import type { Tracking } from "../domain/tracking";
import { collectionLabels, handoverLabels, paneLabels } from "../labels/catalog";
import type { FileOutcome, FileStatus } from "../services/collection";
import type { PackagedFile } from "../services/collection-files";
import { placeWords, shownValue } from "../services/collection-report";
import { SHEETS } from "../workbook/layout";
import { type FileHandover, type Handover, collectCommand } from "./file-handover";
import { HandoverNote } from "./HandoverNote";
import { QuarterPicker } from "./QuarterPicker";
import { describeError } from "./errors";
import type { CollectionProgress, MergedReturns, TableauGateway } from "./gateway";
import { defaultQuarter, startedQuarters } from "./quarters-ui";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", alignItems: "stretch", gap: tokens.spacingVerticalM },
  part: { display: "flex", flexDirection: "column", alignItems: "stretch", gap: tokens.spacingVerticalS },
  button: { alignSelf: "flex-start" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  files: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  file: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalXS,
    overflowWrap: "anywhere",
  },
  fileLine: { display: "flex", justifyContent: "space-between", alignItems: "flex-start", gap: tokens.spacingHorizontalS },
  badge: { flexShrink: 0 },
});

const t = paneLabels.collection;

const STATE_COLORS: Record<FileStatus, "success" | "warning" | "danger"> = { accepted: "success", warnings: "warning", rejected: "danger" };

type Message = { intent: "success" | "warning" | "error" | "info"; text: string };

function fieldWords(field: string): string {
  return collectionLabels.fields[field] ?? field;
}

/** The merge in a sentence: what was written, and whether some file or value needs the user. */
function summary(outcome: MergedReturns): Message {
  const troubled = outcome.files.some((file) => file.status === "rejected" || file.conflicts.length > 0 || file.outOfScope.length > 0);
  const text = outcome.written > 0 ? t.written(outcome.written, SHEETS.journal) : outcome.changed ? t.returnNoted(SHEETS.journal) : t.nothingWritten;
  return { intent: troubled ? "warning" : outcome.written > 0 ? "success" : "info", text: [text, ...outcome.notes].join(" ") };
}

/** One file's verdict, then what it wrote, what it left in conflict, what it was not prepared for, its warnings. */
function FileReport({ outcome }: { outcome: FileOutcome }) {
  const styles = useStyles();
  const named = (heading: string) => `${heading} — ${outcome.file}`;
  return (
    <li className={styles.file}>
      <div className={styles.fileLine}>
        <Body1>
          <strong>{t.fileOf(outcome.file, outcome.person)}</strong>
        </Body1>
        <Badge appearance="tint" color={STATE_COLORS[outcome.status]} className={styles.badge}>
          {t.states[outcome.status]}
        </Badge>
      </div>
      {outcome.status === "rejected" ? (
        <ul className={styles.list} aria-label={named(t.reasons)}>
          {outcome.reasons.map((reason, index) => (
            <li key={index}>
              <Caption1>{reason}</Caption1>
            </li>
          ))}
        </ul>
      ) : (
        <>
          <Caption1>{t.changes(outcome.changes.length)}</Caption1>
          {outcome.changes.length > 0 && (
            <ul className={styles.list} aria-label={named(t.changes(outcome.changes.length))}>
              {outcome.changes.map((change, index) => (
                <li key={index}>
                  <Caption1>
                    {t.change(placeWords(change), fieldWords(change.field), shownValue(change.before, change.field), shownValue(change.after, change.field))}
                  </Caption1>
                </li>
              ))}
            </ul>
          )}
          {outcome.conflicts.length > 0 && (
            <>
              <Caption1>
                <strong>{t.conflicts(outcome.conflicts.length)}</strong>
              </Caption1>
              <ul className={styles.list} aria-label={named(t.conflicts(outcome.conflicts.length))}>
                {outcome.conflicts.map((conflict, index) => (
                  <li key={index}>
                    <Caption1>
                      {t.conflict(
                        placeWords(conflict),
                        fieldWords(conflict.field),
                        shownValue(conflict.inTableau, conflict.field),
                        shownValue(conflict.returned, conflict.field),
                      )}
                    </Caption1>
                  </li>
                ))}
              </ul>
              <Caption1>{t.conflictAdvice}</Caption1>
            </>
          )}
          {outcome.outOfScope.length > 0 && (
            <>
              <Caption1>
                <strong>{t.outOfScope(outcome.outOfScope.length)}</strong>
              </Caption1>
              <ul className={styles.list} aria-label={named(t.outOfScope(outcome.outOfScope.length))}>
                {outcome.outOfScope.map((place, index) => (
                  <li key={index}>
                    <Caption1>{t.outOfScopeEntry(placeWords(place))}</Caption1>
                  </li>
                ))}
              </ul>
            </>
          )}
          {outcome.warnings.length > 0 && (
            <>
              <Caption1>
                <strong>{t.warnings(outcome.warnings.length)}</strong>
              </Caption1>
              <ul className={styles.list} aria-label={named(t.warnings(outcome.warnings.length))}>
                {outcome.warnings.map((warning, index) => (
                  <li key={index}>
                    <Caption1>{warning}</Caption1>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </li>
  );
}

/**
 * « Collecte »: the quarter's files for the pilotes (or partners), handed over in one .zip, and their returned files
 * merged into the workbook with each file's verdict, each value written, each conflict, and who is still awaited.
 */
export function CollectionPanel({
  gateway,
  tracking,
  onMerged,
  handOver,
}: {
  gateway: TableauGateway;
  tracking: Tracking;
  onMerged: () => Promise<void>;
  handOver: FileHandover;
}) {
  const styles = useStyles();
  const quarters = useMemo(() => startedQuarters(tracking, gateway.today()), [tracking, gateway]);
  const [quarter, setQuarter] = useState(() => defaultQuarter(tracking, gateway.today()));
  const [by, setBy] = useState<CollectBy>("pilote");
  const [preparing, setPreparing] = useState(false);
  const [prepared, setPrepared] = useState<PackagedFile[]>([]);
  const [prepareMessage, setPrepareMessage] = useState<Message | undefined>();
  const [handed, setHanded] = useState<Handover | undefined>();
  const [picked, setPicked] = useState<File[]>([]);
  const [progress, setProgress] = useState<CollectionProgress | undefined>();
  const [merged, setMerged] = useState<MergedReturns | undefined>();
  const [mergeMessage, setMergeMessage] = useState<Message | undefined>();
  const merging = progress !== undefined;

  const prepare = async () => {
    setPreparing(true);
    setPrepareMessage(undefined);
    setHanded(undefined);
    setPrepared([]);
    try {
      const made = await gateway.collectionPackage({ quarter, by });
      setHanded(
        handOver({
          fileName: made.fileName,
          bytes: made.bytes,
          made: handoverLabels.made.collection(made.fileName, made.files.length, quarterLabel(quarter)),
          command: collectCommand({ quarter, by }),
          afterwards: handoverLabels.afterCollection,
        }),
      );
      setPrepared(made.files);
    } catch (caught) {
      setPrepareMessage({ intent: "error", text: describeError(caught) });
    } finally {
      setPreparing(false);
    }
  };

  const merge = async () => {
    setMerged(undefined);
    setMergeMessage(undefined);
    setProgress({ index: 0, total: picked.length, file: picked[0]?.name ?? "" });
    try {
      const files = [];
      for (const file of picked) files.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      const outcome = await gateway.mergeReturns(files, { quarter, by, onProgress: setProgress });
      setMerged(outcome);
      setMergeMessage(summary(outcome));
      // The dashboard and the other views read the workbook again: values and the reporting rate changed.
      if (outcome.changed) await onMerged();
    } catch (caught) {
      setMergeMessage({ intent: "error", text: describeError(caught) });
    } finally {
      setProgress(undefined);
    }
  };

  const reporting = merged?.reporting.find((item) => item.quarter === quarter);

  return (
    <section aria-label={t.region} className={styles.panel}>
      <Body1>{t.intro}</Body1>
      <QuarterPicker quarters={quarters} locked={tracking.lockedQuarters} value={quarter} onChange={setQuarter} hint={t.quarterHint} />

      <div className={styles.part}>
        <Subtitle2 as="h2">{t.prepareHeading}</Subtitle2>
        <Field label={t.byField}>
          <RadioGroup layout="horizontal" value={by} onChange={(_, data) => setBy(data.value as CollectBy)}>
            <Radio value="pilote" label={t.by.pilote} />
            <Radio value="partenaire" label={t.by.partenaire} />
          </RadioGroup>
        </Field>
        <Button appearance="primary" className={styles.button} disabled={preparing || merging} onClick={() => void prepare()}>
          {t.prepare}
        </Button>
        {preparing && <Spinner size="tiny" label={t.preparing} />}
        {prepareMessage && (
          <MessageBar intent={prepareMessage.intent}>
            <MessageBarBody>{prepareMessage.text}</MessageBarBody>
          </MessageBar>
        )}
        {handed && <HandoverNote handed={handed} />}
        {prepared.length > 0 && (
          <ul className={styles.list} aria-label={t.preparedFiles}>
            {prepared.map((file) => (
              <li key={file.fileName}>
                <Caption1>{t.preparedFile(file.fileName, file.person, file.fiches)}</Caption1>
              </li>
            ))}
          </ul>
        )}
      </div>

      <div className={styles.part}>
        <Subtitle2 as="h2">{t.mergeHeading}</Subtitle2>
        <Body1>{t.mergeIntro}</Body1>
        <WorkbookFilesButton
          className={styles.button}
          disabled={merging}
          label={t.pick}
          inputLabel={t.input}
          onFiles={(files) => {
            setPicked(files);
            setMerged(undefined);
            setMergeMessage(undefined);
          }}
        />
        <Caption1 aria-live="polite">{t.picked(picked.length)}</Caption1>
        <Button appearance="primary" className={styles.button} disabled={merging || preparing || picked.length === 0} onClick={() => void merge()}>
          {t.merge(picked.length)}
        </Button>
        {progress && <ReadingProgress label={t.progress} step={progress} reading={t.readingFile} writing={t.writing} />}
        {mergeMessage && (
          <MessageBar intent={mergeMessage.intent}>
            <MessageBarBody>{mergeMessage.text}</MessageBarBody>
          </MessageBar>
        )}
        {reporting && (
          <>
            <Subtitle2 as="h3">{t.reportingHeading(quarterLabel(reporting.quarter))}</Subtitle2>
            <Body1>{t.reportingRate(reporting.returned.length, reporting.expected.length)}</Body1>
            <Body1>{collectionLabels.report.missing(quarterLabel(reporting.quarter), reporting.missing)}</Body1>
          </>
        )}
        {merged && merged.files.length > 0 && (
          <ul className={styles.files} aria-label={t.results}>
            {merged.files.map((file, index) => (
              <FileReport key={`${file.file}-${index}`} outcome={file} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
