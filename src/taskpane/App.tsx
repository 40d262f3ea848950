import { Body1, Button, MessageBar, MessageBarBody, Spinner, Subtitle2, Tab, TabList, Title2, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import { paneLabels } from "../labels/catalog";
import { META_KEYS, hasEvaluationSheets } from "../workbook/layout";
import { BilanPanel } from "./BilanPanel";
import { CheckPanel } from "./CheckPanel";
import { CollectionPanel } from "./CollectionPanel";
import { ConsolidationPanel } from "./ConsolidationPanel";
import { Dashboard } from "./Dashboard";
import { EntryForm } from "./EntryForm";
import { EvaluationPanel } from "./EvaluationPanel";
import { describeError } from "./errors";
import { BROWSER_PAGE, type FileHandover, type PaneHost, type SaveFile, fileHandover } from "./file-handover";
import type { TableauGateway, WorkbookState } from "./gateway";
import { useVisibleFocus } from "./focus-styles";
import { SetupWizard } from "./SetupWizard";

const t = paneLabels.app;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  title: { color: tokens.colorBrandForeground1, margin: 0 },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  subtitle: { margin: 0 },
  switch: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXS },
  // A task pane is 320 to 400 pixels wide: the views' tabs go on two lines rather than past its edge.
  tabs: { flexWrap: "wrap" },
});

export type HostState = "loading" | "excel" | "no-office" | { refused: string };
export type View = "tableau" | "saisie" | "evaluation" | "verifier" | "bilan" | "collecte" | "consolider";
export const VIEWS: readonly View[] = ["tableau", "saisie", "evaluation", "verifier", "bilan", "collecte", "consolider"];

export interface AppProps {
  host: HostState;
  gateway?: TableauGateway;
  initialView?: View;
  /** The host the pane runs in, which decides how a produced file reaches the user; a browser page when not told. */
  platform?: PaneHost;
  /** The download itself, where the host allows one; the browser's download by default. */
  saveFile?: SaveFile;
}

/**
 * The pane: set-up wizard when the workbook has no tableau, otherwise the dashboard, the entry form, the check, the
 * bilans and the collection from the partners; a Caf's consolidation workbook (or an empty one, on request) gets the
 * consolidation.
 */
export function App({ host, gateway, initialView = "tableau", platform = BROWSER_PAGE, saveFile }: AppProps) {
  const styles = useStyles();
  useVisibleFocus();
  const handOver = useMemo(() => fileHandover(platform, saveFile), [platform, saveFile]);
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title2 as="h1" className={styles.title}>
          {t.title}
        </Title2>
        <Subtitle2 as="p" className={styles.subtitle}>
          {t.subtitle}
        </Subtitle2>
      </header>
      {host === "loading" && <Spinner label={t.connecting} />}
      {host === "no-office" && <Body1>{t.outsideExcel}</Body1>}
      {typeof host === "object" && (
        <MessageBar intent="error">
          <MessageBarBody>{host.refused}</MessageBarBody>
        </MessageBar>
      )}
      {host === "excel" && gateway && <Workspace gateway={gateway} initialView={initialView} handOver={handOver} />}
    </main>
  );
}

function Workspace({ gateway, initialView, handOver }: { gateway: TableauGateway; initialView: View; handOver: FileHandover }) {
  const styles = useStyles();
  const [state, setState] = useState<WorkbookState | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [view, setView] = useState<View>(initialView);
  const [notes, setNotes] = useState<string[]>([]);

  const reload = useCallback(async () => {
    try {
      setError(undefined);
      setState(await gateway.read());
    } catch (caught) {
      setError(describeError(caught));
    }
  }, [gateway]);

  useEffect(() => {
    void reload();
  }, [reload]);

  if (error) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!state) return <Spinner label={t.readingWorkbook} />;
  if (state.hasConsolidation) return <ConsolidationPanel gateway={gateway} />;
  if (!state.hasTableau && view === "consolider") {
    return (
      <>
        <ConsolidationPanel gateway={gateway} />
        <div className={styles.switch}>
          <Body1>{t.preparingTerritory}</Body1>
          <Button appearance="secondary" onClick={() => setView("tableau")}>
            {t.createTableau}
          </Button>
        </div>
      </>
    );
  }
  if (!state.hasTableau || !state.reading?.tracking) {
    return (
      <>
        {!state.hasTableau && (
          <div className={styles.switch}>
            <Body1>{t.gatheringTerritories}</Body1>
            <Button appearance="secondary" onClick={() => setView("consolider")}>
              {t.consolidateTerritories}
            </Button>
          </div>
        )}
        <SetupWizard
          gateway={gateway}
          reading={state.reading}
          onDone={async (done) => {
            setNotes(done);
            await reload();
          }}
        />
      </>
    );
  }
  const tracking = state.reading.tracking;
  return (
    <>
      {view === "consolider" && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.territoryWorkbook}</MessageBarBody>
        </MessageBar>
      )}
      {notes.map((note) => (
        <MessageBar key={note} intent="info">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      ))}
      <TabList
        size="small"
        className={styles.tabs}
        selectedValue={view === "consolider" ? "tableau" : view}
        onTabSelect={(_, data) => {
          setView(data.value as View);
          // People type in the sheets too: each view opens on what the workbook holds now.
          void reload();
        }}
        aria-label={t.views}
      >
        <Tab value="tableau">{t.tabs.tableau}</Tab>
        <Tab value="saisie">{t.tabs.saisie}</Tab>
        <Tab value="evaluation">{t.tabs.evaluation}</Tab>
        <Tab value="verifier">{t.tabs.verifier}</Tab>
        <Tab value="bilan">{t.tabs.bilan}</Tab>
        <Tab value="collecte">{t.tabs.collecte}</Tab>
      </TabList>
      {(view === "tableau" || view === "consolider") && <Dashboard gateway={gateway} tracking={tracking} onChange={reload} />}
      {view === "saisie" && <EntryForm gateway={gateway} tracking={tracking} onSaved={reload} />}
      {view === "evaluation" && (
        <EvaluationPanel
          gateway={gateway}
          tracking={tracking}
          hasSheets={hasEvaluationSheets(state.reading.meta?.values[META_KEYS.version] ?? "")}
          onSaved={reload}
        />
      )}
      {view === "verifier" && <CheckPanel gateway={gateway} />}
      {view === "bilan" && <BilanPanel gateway={gateway} tracking={tracking} handOver={handOver} />}
      {view === "collecte" && <CollectionPanel gateway={gateway} tracking={tracking} onMerged={reload} handOver={handOver} />}
    </>
  );
}
