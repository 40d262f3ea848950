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
import { useMemo, useState } from "react";
import { NOT_ENTERED, quarterBoard } from "../domain/dashboard";
import type { Tracking } from "../domain/tracking";
import { STATUSES } from "../domain/vocabulary";
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
  axisColumn: { width: "42%" },
});

const STATUS_COLOURS = { "À lancer": "informative", "En cours": "brand", Réalisée: "success", Reportée: "warning", Abandonnée: "danger", [NOT_ENTERED]: "subtle" } as const;

export function Dashboard({ gateway, tracking, onChange }: { gateway: TableauGateway; tracking: Tracking; onChange: () => Promise<void> }) {
  const styles = useStyles();
  const quarters = useMemo(() => startedQuarters(tracking, gateway.today()), [tracking, gateway]);
  const [quarter, setQuarter] = useState(() => defaultQuarter(tracking, gateway.today()));
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string } | undefined>();
  const [confirmUnlock, setConfirmUnlock] = useState(false);
  const board = useMemo(() => quarterBoard(tracking, quarter), [tracking, quarter]);
  const locked = tracking.lockedQuarters.includes(quarter);
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
    try {
      await gateway.setLocked(quarter, lock);
      setMessage({ intent: "success", text: lock ? `Le trimestre ${quarter} est verrouillé : ses saisies ne peuvent plus être modifiées.` : `Le trimestre ${quarter} est déverrouillé.` });
      await onChange();
    } catch (error) {
      setMessage({ intent: "error", text: describeError(error) });
    }
  };

  return (
    <div className={styles.section}>
      <QuarterPicker quarters={quarters} locked={tracking.lockedQuarters} value={quarter} onChange={setQuarter} />
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      <Subtitle2 as="h2">Statuts des {board.actions.length} fiches actions</Subtitle2>
      <div className={styles.badges}>
        {statuses.map((status) => (
          <Badge key={status} appearance="tint" color={STATUS_COLOURS[status]}>
            {`${status} : ${board.overall[status]}`}
          </Badge>
        ))}
      </div>
      <Table size="small" aria-label="Statuts par axe">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.axisColumn}>Axe</TableHeaderCell>
            <TableHeaderCell>En cours</TableHeaderCell>
            <TableHeaderCell>Réalisées</TableHeaderCell>
            <TableHeaderCell>Autres</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {board.perAxis.map(({ axis, counts }) => (
            <TableRow key={axis.code}>
              <TableCell>{`${axis.code}. ${axis.title}`}</TableCell>
              <TableCell>{counts["En cours"]}</TableCell>
              <TableCell>{counts.Réalisée}</TableCell>
              <TableCell>{counts["À lancer"] + counts.Reportée + counts.Abandonnée + counts[NOT_ENTERED]}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Subtitle2 as="h2">Complétude du trimestre</Subtitle2>
      <Body1>
        {`${board.completeness.actionsWithStatus} fiche(s) sur ${board.completeness.actions} ont un statut ; ${board.completeness.indicatorsFilled} indicateur(s) renseigné(s) sur ${board.completeness.indicatorsExpected} attendus.`}
      </Body1>
      <Subtitle2 as="h2">{`Fiches en retard (${board.late.length})`}</Subtitle2>
      {board.late.length === 0 ? (
        <Caption1>Aucune fiche en retard pour ce trimestre.</Caption1>
      ) : (
        board.late.map((state) => (
          <Button key={state.action.code} appearance="transparent" className={styles.link} onClick={() => void goTo(state.action.code)}>
            {`${state.action.code} ${state.action.title} — échéance ${state.action.deadline}, ${state.status.toLowerCase()}`}
          </Button>
        ))
      )}
      <Subtitle2 as="h2">Fiches du trimestre</Subtitle2>
      {board.actions.map((state) => (
        <Button key={state.action.code} appearance="transparent" className={styles.link} onClick={() => void goTo(state.action.code)}>
          {`${state.action.code} ${state.action.title} — ${state.status}${state.latest?.progress !== undefined ? `, ${state.latest.progress} %` : ""}`}
        </Button>
      ))}
      {locked ? (
        <Button onClick={() => setConfirmUnlock(true)}>Déverrouiller le trimestre</Button>
      ) : (
        <Button appearance="primary" onClick={() => void toggleLock(true)}>
          Verrouiller le trimestre après le COPIL
        </Button>
      )}
      <Dialog open={confirmUnlock} onOpenChange={(_, data) => setConfirmUnlock(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{`Déverrouiller ${quarter} ?`}</DialogTitle>
            <DialogContent>Les saisies de ce trimestre, validées en COPIL, redeviendront modifiables par tous les co-auteurs du classeur.</DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setConfirmUnlock(false)}>
                Annuler
              </Button>
              <Button appearance="primary" onClick={() => void toggleLock(false)}>
                Déverrouiller
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
