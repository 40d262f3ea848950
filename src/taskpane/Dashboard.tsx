import {
  Badge,
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import { type CollectBy, reportingOf } from "../domain/collection";
import { formatFrenchDate } from "../domain/dates";
import { NOT_ENTERED, quarterBoard } from "../domain/dashboard";
import { type Quarter, quarterEnd, quarterLabel } from "../domain/quarters";
import type { Tracking } from "../domain/tracking";
import { STATUSES } from "../domain/vocabulary";
import { collectionLabels, paneLabels } from "../labels/catalog";
import { QuarterPicker } from "./QuarterPicker";
import { describeError } from "./errors";
import type { TableauGateway } from "./gateway";
import { defaultQuarter, startedQuarters, trackingCell } from "./quarters-ui";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  link: {
    minWidth: 0,
    justifyContent: "flex-start",
    textAlign: "left",
    height: "auto",
    fontWeight: tokens.fontWeightRegular,
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
  },
  // The counts take the width of their header (1 % in an automatic table layout shrinks a column to its content),
  // and the axis's title all the rest: at 350 pixels, equal shares made it one word per line.
  axisColumn: { width: "auto" },
  count: { width: "1%", whiteSpace: "nowrap", paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
  lockButton: { alignSelf: "flex-start" },
  dialogContent: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // Sized by content: in a pane 380 pixels wide, fixed equal columns would let « Réalisées » run into « Autres ».
  table: { tableLayout: "auto" },
});

const t = paneLabels.dashboard;
const c = collectionLabels.dashboard;

/**
 * The quarter's collection as far as the journal tells: who was expected and who has returned a file; undefined
 * while no returned file was ever merged (the tableau does not use the collection).
 */
export function collectionReporting(tracking: Tracking, quarter: Quarter): { by: CollectBy; expected: string[]; returned: string[] } | undefined {
  if (!(tracking.journal ?? []).some((line) => line.kind === "retour")) return undefined;
  // The journal does not say whether the files went to the pilotes or to the partners: the people who returned theirs do.
  const byPilot = reportingOf(tracking, quarter, "pilote");
  const byPartner = reportingOf(tracking, quarter, "partenaire");
  return byPartner.returned.length > byPilot.returned.length ? { by: "partenaire", ...byPartner } : { by: "pilote", ...byPilot };
}

const STATUS_COLOURS = {
  "À lancer": "informative",
  "En cours": "brand",
  Réalisée: "success",
  Reportée: "warning",
  Abandonnée: "danger",
  [NOT_ENTERED]: "subtle",
} as const;

export function Dashboard({ gateway, tracking, onChange }: { gateway: TableauGateway; tracking: Tracking; onChange: () => Promise<void> }) {
  const styles = useStyles();
  const quarters = useMemo(() => startedQuarters(tracking, gateway.today()), [tracking, gateway]);
  const [quarter, setQuarter] = useState(() => defaultQuarter(tracking, gateway.today()));
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string } | undefined>();
  const [confirmUnlock, setConfirmUnlock] = useState(false);
  const [confirmLock, setConfirmLock] = useState(false);
  /** What locking or unlocking did, told beside its button: the button sits at the foot of a long view. */
  const [lockMessage, setLockMessage] = useState<{ intent: "success" | "error"; text: string } | undefined>();
  const lockMessageRef = useRef<HTMLDivElement>(null);
  /** Bumped when a dialog has finished closing: a modal dialog locks the page's scrolling until then. */
  const [dialogClosed, setDialogClosed] = useState(0);
  const afterClosing = {
    onMotionFinish: (_: null, data: { direction: "enter" | "exit" }) => data.direction === "exit" && setDialogClosed((count) => count + 1),
  };
  const board = useMemo(() => quarterBoard(tracking, quarter, gateway.today()), [tracking, quarter, gateway]);
  const locked = tracking.lockedQuarters.includes(quarter);
  const reporting = useMemo(() => collectionReporting(tracking, quarter), [tracking, quarter]);
  const waiting = reporting ? reporting.expected.filter((person) => !reporting.returned.includes(person)) : [];
  const statuses = [...STATUSES, NOT_ENTERED] as const;

  const goTo = async (actionCode: string) => {
    try {
      const { sheet, cell } = trackingCell(tracking, actionCode, quarter);
      await gateway.select(sheet, cell);
    } catch (error) {
      setMessage({ intent: "error", text: describeError(error) });
    }
  };
  const toggleLock = async (lock: boolean) => {
    setConfirmUnlock(false);
    setConfirmLock(false);
    try {
      await gateway.setLocked(quarter, lock);
      setLockMessage({ intent: "success", text: lock ? t.locked(quarterLabel(quarter)) : t.unlocked(quarterLabel(quarter)) });
      await onChange();
    } catch (error) {
      setLockMessage({ intent: "error", text: describeError(error) });
    }
  };
  /** Opens a confirmation; the outcome of an earlier lock goes, so that closing the dialog does not bring it back. */
  const ask = (open: (open: boolean) => void) => {
    setLockMessage(undefined);
    open(true);
  };
  // A quarter still running, or with fiches left without a status, is locked only once the user confirms it.
  const missingStatuses = board.completeness.actions - board.completeness.actionsWithStatus;
  const lockNeedsConfirmation = !board.completeness.ended || missingStatuses > 0;
  useEffect(() => {
    // The outcome is brought into view and focused, so that sighted and screen-reader users alike learn it; again once
    // the confirmation dialog has gone, since it held the page still and gave the focus back to its button.
    const element = lockMessageRef.current;
    if (!lockMessage || !element) return;
    const bringIntoView = () => element.scrollIntoView({ block: "nearest" });
    const frame = requestAnimationFrame(() => {
      bringIntoView();
      element.focus({ preventScroll: true });
    });
    // Fluent's message bar takes its final height once it has measured itself: it is kept in view while it settles.
    const observer = typeof ResizeObserver === "undefined" ? undefined : new ResizeObserver(bringIntoView);
    observer?.observe(element);
    const settled = setTimeout(() => observer?.disconnect(), 2_000);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(settled);
      observer?.disconnect();
    };
  }, [lockMessage, dialogClosed]);

  return (
    <div className={styles.section}>
      <QuarterPicker
        quarters={quarters}
        locked={tracking.lockedQuarters}
        value={quarter}
        onChange={(next) => {
          setQuarter(next);
          setLockMessage(undefined);
        }}
      />
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      <Caption1>{t.asOf(formatFrenchDate(board.asOf))}</Caption1>
      <Subtitle2 as="h2">{t.statusesHeading(board.actions.length)}</Subtitle2>
      <div className={styles.badges}>
        {statuses.map((status) => (
          <Badge key={status} appearance="tint" color={STATUS_COLOURS[status]}>
            {t.statusCount(status, board.overall[status])}
          </Badge>
        ))}
      </div>
      <Table size="extra-small" aria-label={t.byAxis} className={styles.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.axisColumn}>{t.columns.axis}</TableHeaderCell>
            <TableHeaderCell className={styles.count}>{t.columns.inProgress}</TableHeaderCell>
            <TableHeaderCell className={styles.count}>{t.columns.done}</TableHeaderCell>
            <TableHeaderCell className={styles.count}>{t.columns.others}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {board.perAxis.map(({ axis, counts }) => (
            <TableRow key={axis.code}>
              <TableCell>{`${axis.code}. ${axis.title}`}</TableCell>
              <TableCell className={styles.count}>{counts["En cours"]}</TableCell>
              <TableCell className={styles.count}>{counts.Réalisée}</TableCell>
              <TableCell className={styles.count}>{counts["À lancer"] + counts.Reportée + counts.Abandonnée + counts[NOT_ENTERED]}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Subtitle2 as="h2">{t.completenessHeading}</Subtitle2>
      <Body1>
        {(board.completeness.ended ? t.completeness : t.completenessOpen)(
          board.completeness.actionsWithStatus,
          board.completeness.actions,
          board.completeness.indicatorsFilled,
          board.completeness.indicatorsExpected,
        )}
      </Body1>
      {reporting && (
        <>
          <Subtitle2 as="h2">{c.title(quarterLabel(quarter))}</Subtitle2>
          {reporting.returned.length === 0 ? (
            <Body1>{c.none}</Body1>
          ) : (
            <Body1>{(reporting.by === "pilote" ? c.rate : t.partnersRate)(reporting.returned.length, reporting.expected.length)}</Body1>
          )}
          {reporting.returned.length > 0 && waiting.length > 0 && <Caption1>{c.waiting(waiting.join(", "))}</Caption1>}
        </>
      )}
      <Subtitle2 as="h2">{t.lateHeading(board.late.length)}</Subtitle2>
      {board.late.length === 0 ? (
        <Caption1>{t.noneLate}</Caption1>
      ) : (
        board.late.map((state) => (
          <Button key={state.action.code} appearance="transparent" className={styles.link} onClick={() => void goTo(state.action.code)}>
            {t.lateFiche(state.action.code, state.action.title, state.action.deadline, state.latest?.status ?? NOT_ENTERED)}
          </Button>
        ))
      )}
      <Subtitle2 as="h2">{t.quarterHeading}</Subtitle2>
      {board.actions.map((state) => (
        <Button key={state.action.code} appearance="transparent" className={styles.link} onClick={() => void goTo(state.action.code)}>
          {state.status === NOT_ENTERED
            ? t.ficheNotEntered(
                state.action.code,
                state.action.title,
                NOT_ENTERED,
                state.latest?.status
                  ? {
                      status: state.latest.status,
                      ...(state.latest.progress !== undefined ? { progress: state.latest.progress } : {}),
                      quarter: quarterLabel(state.latest.quarter),
                    }
                  : undefined,
              )
            : t.fiche(state.action.code, state.action.title, state.status, state.latest?.progress)}
        </Button>
      ))}
      {locked ? (
        <Button className={styles.lockButton} onClick={() => ask(setConfirmUnlock)}>
          {t.unlock}
        </Button>
      ) : (
        <Button appearance="primary" className={styles.lockButton} onClick={() => (lockNeedsConfirmation ? ask(setConfirmLock) : void toggleLock(true))}>
          {t.lock}
        </Button>
      )}
      <div ref={lockMessageRef} tabIndex={-1} aria-live="polite">
        {lockMessage && (
          <MessageBar intent={lockMessage.intent}>
            <MessageBarBody>{lockMessage.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <Dialog open={confirmLock} onOpenChange={(_, data) => setConfirmLock(data.open)} surfaceMotion={afterClosing}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t.lockTitle(quarterLabel(quarter))}</DialogTitle>
            <DialogContent className={styles.dialogContent}>
              {!board.completeness.ended && <Body1>{t.lockNotEnded(formatFrenchDate(quarterEnd(quarter)))}</Body1>}
              {missingStatuses > 0 && <Body1>{t.lockMissing(missingStatuses, board.completeness.actions)}</Body1>}
              <Body1>{t.lockWarning}</Body1>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setConfirmLock(false)}>
                {t.cancel}
              </Button>
              <Button appearance="primary" onClick={() => void toggleLock(true)}>
                {t.confirmLock}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <Dialog open={confirmUnlock} onOpenChange={(_, data) => setConfirmUnlock(data.open)} surfaceMotion={afterClosing}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t.unlockTitle(quarterLabel(quarter))}</DialogTitle>
            <DialogContent>{t.unlockWarning}</DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setConfirmUnlock(false)}>
                {t.cancel}
              </Button>
              <Button appearance="primary" onClick={() => void toggleLock(false)}>
                {t.confirmUnlock}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
