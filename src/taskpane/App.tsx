import { Body1, MessageBar, MessageBarBody, Spinner, Subtitle2, Tab, TabList, Title2, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import { BilanPanel, type SaveFile } from "./BilanPanel";
import { CheckPanel } from "./CheckPanel";
import { Dashboard } from "./Dashboard";
import { EntryForm } from "./EntryForm";
import { describeError } from "./errors";
import type { TableauGateway, WorkbookState } from "./gateway";
import { SetupWizard } from "./SetupWizard";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  title: { color: tokens.colorBrandForeground1, margin: 0 },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  subtitle: { margin: 0 },
});

export type HostState = "loading" | "excel" | "no-office" | { missing: string[] };
export type View = "tableau" | "saisie" | "verifier" | "bilan";
export const VIEWS: readonly View[] = ["tableau", "saisie", "verifier", "bilan"];

export interface AppProps {
  host: HostState;
  gateway?: TableauGateway;
  initialView?: View;
  /** Where a generated file goes; the browser's download by default. */
  saveFile?: SaveFile;
}

/** The pane: set-up wizard when the workbook has no tableau, otherwise the dashboard, the entry form and the check. */
export function App({ host, gateway, initialView = "tableau", saveFile }: AppProps) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title2 as="h1" className={styles.title}>
          CTG Suivi
        </Title2>
        <Subtitle2 as="p" className={styles.subtitle}>
          Tableau de suivi partagé de la Convention territoriale globale
        </Subtitle2>
      </header>
      {host === "loading" && <Spinner label="Connexion à Excel…" />}
      {host === "no-office" && <Body1>Ce volet s'ouvre depuis Excel : onglet « CTG Suivi » du ruban, bouton « Tableau de suivi ».</Body1>}
      {typeof host === "object" && (
        <MessageBar intent="error">
          <MessageBarBody>
            Cette version d'Excel ne propose pas {host.missing.join(", ")}, nécessaire au complément. Utilisez Microsoft 365, Excel 2021 ou plus récent, ou Excel sur le web.
          </MessageBarBody>
        </MessageBar>
      )}
      {host === "excel" && gateway && <Workspace gateway={gateway} initialView={initialView} {...(saveFile ? { saveFile } : {})} />}
    </main>
  );
}

function Workspace({ gateway, initialView, saveFile }: { gateway: TableauGateway; initialView: View; saveFile?: SaveFile }) {
  const [state, setState] = useState<WorkbookState | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [view, setView] = useState<View>(initialView);

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
  if (!state) return <Spinner label="Lecture du classeur…" />;
  if (!state.hasTableau || !state.reading?.tracking) {
    return <SetupWizard gateway={gateway} reading={state.reading} onDone={reload} />;
  }
  const tracking = state.reading.tracking;
  return (
    <>
      <TabList selectedValue={view} onTabSelect={(_, data) => setView(data.value as View)} aria-label="Vues du tableau de suivi">
        <Tab value="tableau">Tableau de bord</Tab>
        <Tab value="saisie">Saisie</Tab>
        <Tab value="verifier">Vérifier</Tab>
        <Tab value="bilan">Bilans</Tab>
      </TabList>
      {view === "tableau" && <Dashboard gateway={gateway} tracking={tracking} onChange={reload} />}
      {view === "saisie" && <EntryForm gateway={gateway} tracking={tracking} onSaved={reload} />}
      {view === "verifier" && <CheckPanel gateway={gateway} />}
      {view === "bilan" && <BilanPanel gateway={gateway} tracking={tracking} {...(saveFile ? { saveFile } : {})} />}
    </>
  );
}
