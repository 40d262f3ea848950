import { Badge, Body1, Button, Caption1, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState, type DragEvent } from "react";
import { ReadingProgress } from "./ReadingProgress";
import { WorkbookFilesButton } from "./WorkbookFilesButton";
import { INTAKE_LABELS } from "../workbook/build-consolidation";
import type { BatchFile, FileVerdict } from "../domain/consolidation-batch";
import { paneLabels } from "../labels/catalog";
import { describeError } from "./errors";
import type { ConsolidationOutcome, TableauGateway } from "./gateway";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", alignItems: "stretch", gap: tokens.spacingVerticalM },
  drop: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  dropActive: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  files: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  file: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalXS,
  },
  fileLine: { display: "flex", justifyContent: "space-between", alignItems: "flex-start", gap: tokens.spacingHorizontalS, overflowWrap: "anywhere" },
  badge: { flexShrink: 0 },
  pick: { alignSelf: "flex-start" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

const t = paneLabels.consolidation;

type FileState = "waiting" | "reading" | "cancelled" | FileVerdict["status"];

const STATE_LABELS: Record<FileState, string> = { ...t.states, ...INTAKE_LABELS };
const STATE_COLORS: Record<FileState, "informative" | "brand" | "success" | "warning" | "danger" | "subtle"> = {
  waiting: "informative",
  reading: "brand",
  cancelled: "subtle",
  accepted: "success",
  warnings: "warning",
  rejected: "danger",
};

interface Row {
  file: File;
  state: FileState;
  territory?: string;
  reasons: string[];
}

const frenchNumber = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

function size(bytes: number): string {
  return bytes < 1024 * 1024
    ? t.kilobytes(frenchNumber.format(Math.max(1, Math.round(bytes / 1024))))
    : t.megabytes(frenchNumber.format(bytes / (1024 * 1024)));
}

/** A picked file, read only when its turn comes: the batch refuses a file too large before it is loaded. */
function batchFile(file: File): BatchFile {
  return { name: file.name, size: file.size, read: async () => new Uint8Array(await file.arrayBuffer()) };
}

function summary(outcome: ConsolidationOutcome): { intent: "success" | "warning" | "error"; text: string } {
  const accepted = outcome.verdicts.filter((verdict) => verdict.status !== "rejected").length;
  const rejected = outcome.verdicts.length - accepted;
  if (!outcome.written) return { intent: "error", text: t.noneAccepted(outcome.verdicts.length) };
  const fromBatch = outcome.territories - outcome.kept;
  return {
    intent: rejected > 0 ? "warning" : "success",
    text: t.written({ territories: outcome.territories, fromBatch, kept: outcome.kept, accepted, rejected, charts: outcome.charts }),
  };
}

/**
 * The Caf's view: territories' tableaux picked or dropped here are read in the pane (never changed), checked and
 * merged into this workbook, with each file's progress and verdict and a way to stop before anything is written.
 */
export function ConsolidationPanel({ gateway }: { gateway: TableauGateway }) {
  const styles = useStyles();
  const [rows, setRows] = useState<Row[]>([]);
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<{ index: number; total: number; file: string } | undefined>();
  const [message, setMessage] = useState<{ intent: "success" | "warning" | "error" | "info"; text: string } | undefined>();
  const controller = useRef<AbortController | undefined>(undefined);
  const busy = progress !== undefined;

  const add = (list: FileList | readonly File[] | null) => {
    // Copied now: the input's live FileList is emptied right after, before React runs the update.
    const files = [...(list ?? [])];
    if (files.length === 0) return;
    setMessage(undefined);
    setRows((current) => {
      const known = new Set(current.map((row) => `${row.file.name}|${row.file.size}|${row.file.lastModified}`));
      const added = files.filter((file) => !known.has(`${file.name}|${file.size}|${file.lastModified}`));
      const reset = current.map((row) => ({ ...row, state: "waiting" as const, reasons: [] }));
      return [...reset, ...added.map((file) => ({ file, state: "waiting" as const, reasons: [] }))];
    });
  };

  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (!busy) add(event.dataTransfer.files);
  };

  const update = (name: string, index: number, change: Partial<Row>) =>
    setRows((current) => current.map((row, position) => (position === index && row.file.name === name ? { ...row, ...change } : row)));

  const start = async () => {
    const files = rows.map((row) => row.file);
    controller.current = new AbortController();
    setMessage(undefined);
    setRows((current) => current.map((row) => ({ ...row, state: "waiting", reasons: [] })));
    setProgress({ index: 0, total: files.length, file: files[0]?.name ?? "" });
    try {
      const outcome = await gateway.consolidate(files.map(batchFile), {
        signal: controller.current.signal,
        onProgress: ({ index, total, file, verdict }) => {
          setProgress({ index, total, file });
          if (verdict)
            update(file, index - 1, { state: verdict.status, reasons: verdict.reasons, ...(verdict.territory ? { territory: verdict.territory } : {}) });
          else update(file, index, { state: "reading" });
        },
      });
      // Final verdicts: two files of one territory are flagged only once the whole batch is seen.
      setRows((current) =>
        current.map((row, index) => ({
          ...row,
          state: outcome.verdicts[index].status,
          reasons: outcome.verdicts[index].reasons,
          ...(outcome.verdicts[index].territory ? { territory: outcome.verdicts[index].territory } : {}),
        })),
      );
      setMessage(summary(outcome));
    } catch (caught) {
      if (controller.current.signal.aborted) {
        setRows((current) => current.map((row) => (row.state === "waiting" || row.state === "reading" ? { ...row, state: "cancelled" } : row)));
        setMessage({ intent: "info", text: t.cancelled });
      } else {
        setMessage({ intent: "error", text: describeError(caught) });
      }
    } finally {
      setProgress(undefined);
      controller.current = undefined;
    }
  };

  return (
    <section aria-label={t.region} className={styles.panel}>
      <Subtitle2 as="h2">{t.heading}</Subtitle2>
      <Body1>{t.intro}</Body1>
      <div
        className={dragging ? `${styles.drop} ${styles.dropActive}` : styles.drop}
        onDragOver={(event) => {
          event.preventDefault();
          if (!busy) setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        data-testid="zone-depot"
      >
        <Body1>{t.dropHere}</Body1>
        <WorkbookFilesButton appearance="secondary" disabled={busy} className={styles.pick} label={t.pick} inputLabel={t.input} onFiles={add} />
      </div>
      {progress && <ReadingProgress label={t.progress} step={progress} reading={t.readingFile} writing={t.writing} />}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy || rows.length === 0} onClick={() => void start()}>
          {t.consolidate(rows.length)}
        </Button>
        {busy ? (
          // Once every file is read the workbook is being written: stopping then would leave it half done.
          <Button disabled={progress.index >= progress.total} onClick={() => controller.current?.abort()}>
            {t.cancel}
          </Button>
        ) : (
          <Button
            disabled={rows.length === 0}
            onClick={() => {
              setRows([]);
              setMessage(undefined);
            }}
          >
            {t.clear}
          </Button>
        )}
      </div>
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {rows.length > 0 && (
        <ul className={styles.files} aria-label={t.files}>
          {rows.map((row, index) => (
            <li key={`${row.file.name}-${index}`} className={styles.file}>
              <div className={styles.fileLine}>
                <Body1>
                  <strong>{row.file.name}</strong> <Caption1>({size(row.file.size)})</Caption1>
                </Body1>
                <Badge appearance="tint" color={STATE_COLORS[row.state]} className={styles.badge}>
                  {STATE_LABELS[row.state]}
                </Badge>
              </div>
              {row.territory && <Caption1>{row.territory}</Caption1>}
              {row.reasons.length > 0 && (
                <ul aria-label={t.reasonsFor(row.file.name)}>
                  {row.reasons.map((reason, position) => (
                    <li key={position}>
                      <Caption1>{reason}</Caption1>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
