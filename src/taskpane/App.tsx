import { Body1, Spinner, Subtitle1, Title2, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  title: { color: tokens.colorBrandForeground1 },
});

export type HostState = "loading" | "excel" | "no-office";

/** Start screen of the pane; the wizard, entry form and dashboard plug in here. */
export function App({ host }: { host: HostState }) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title2 as="h1" className={styles.title}>
        CTG Suivi
      </Title2>
      <Subtitle1 as="p">Tableau de suivi partagé de la Convention territoriale globale</Subtitle1>
      {host === "loading" && <Spinner label="Connexion à Excel…" />}
      {host === "no-office" && <Body1>Ce volet s'ouvre depuis Excel : onglet « CTG Suivi » du ruban, bouton « Tableau de suivi ».</Body1>}
      {host === "excel" && <Body1>Mise en place du tableau, saisie trimestrielle, statuts des fiches actions et bilans du COPIL.</Body1>}
    </main>
  );
}
