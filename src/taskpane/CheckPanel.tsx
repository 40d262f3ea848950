import { Body1, Button, MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ErrorCircle20Filled, Warning20Filled } from "@fluentui/react-icons";
import { useState } from "react";
import { formatFrenchDate } from "../domain/dates";
import { paneLabels, sentence } from "../labels/catalog";
import type { LocatedIssue } from "../workbook/grid-reader";
import { describeError } from "./errors";
import type { TableauGateway } from "./gateway";
import { cellWords } from "../workbook/places";

const t = paneLabels.check;

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", alignItems: "stretch", gap: tokens.spacingVerticalS },
  run: { alignSelf: "flex-start" },
  heading: { margin: 0, marginTop: tokens.spacingVerticalS },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyleType: "none" },
  // A card per problem, coloured by its severity, that reads as something to act on: the whole card is the button.
  item: {
    width: "100%",
    minWidth: 0,
    height: "auto",
    display: "flex",
    alignItems: "flex-start",
    justifyContent: "flex-start",
    gap: tokens.spacingHorizontalS,
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderLeftWidth: "4px",
  },
  error: {
    backgroundColor: tokens.colorStatusDangerBackground1,
    borderLeftColor: tokens.colorStatusDangerBorder2,
    ":hover": { backgroundColor: tokens.colorStatusDangerBackground2 },
  },
  warning: {
    backgroundColor: tokens.colorStatusWarningBackground1,
    borderLeftColor: tokens.colorStatusWarningBorder2,
    ":hover": { backgroundColor: tokens.colorStatusWarningBackground2 },
  },
  icon: { flexShrink: 0, marginTop: "1px" },
  errorMark: { color: tokens.colorStatusDangerForeground1 },
  warningMark: { color: tokens.colorStatusWarningForeground2 },
  text: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0, overflowWrap: "anywhere" },
  severity: { fontWeight: tokens.fontWeightSemibold },
  // The place is where the click goes: it looks like a link.
  place: { color: tokens.colorBrandForegroundLink, textDecorationLine: "underline" },
  message: { color: tokens.colorNeutralForeground1 },
});

/** Reads everything typed in the sheets, checks it with the same rules as the form and lists each problem. */
export function CheckPanel({ gateway }: { gateway: TableauGateway }) {
  const styles = useStyles();
  const [issues, setIssues] = useState<LocatedIssue[] | undefined>();
  const [headers, setHeaders] = useState<Record<string, string[]>>({});
  const [checkedOn, setCheckedOn] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const check = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const state = await gateway.read();
      setIssues(state.reading?.issues ?? []);
      setHeaders(state.headers ?? {});
      setCheckedOn(gateway.today());
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };
  const errors = issues?.filter((issue) => issue.severity === "error") ?? [];
  const warnings = issues?.filter((issue) => issue.severity === "warning") ?? [];

  const group = (severity: "error" | "warning", items: LocatedIssue[]) =>
    items.length > 0 && (
      <>
        <Subtitle2 as="h2" className={mergeClasses(styles.heading, severity === "error" ? styles.errorMark : styles.warningMark)}>
          {severity === "error" ? t.errors(items.length) : t.warnings(items.length)}
        </Subtitle2>
        <ul className={styles.list} aria-label={severity === "error" ? t.errors(items.length) : t.warnings(items.length)}>
          {items.map((issue, index) => {
            const place = cellWords(issue.sheet, issue.cell, headers[issue.sheet]);
            const Icon = severity === "error" ? ErrorCircle20Filled : Warning20Filled;
            return (
              <li key={`${issue.sheet}-${issue.cell}-${index}`}>
                <Button
                  appearance="outline"
                  className={mergeClasses(styles.item, severity === "error" ? styles.error : styles.warning)}
                  aria-label={t.issue(t.severity[severity], place, issue.message)}
                  title={t.goTo}
                  onClick={() => void gateway.select(issue.sheet, issue.cell).catch((caught) => setError(describeError(caught)))}
                >
                  <Icon aria-hidden className={mergeClasses(styles.icon, severity === "error" ? styles.errorMark : styles.warningMark)} />
                  <span className={styles.text}>
                    <span>
                      <span className={mergeClasses(styles.severity, severity === "error" ? styles.errorMark : styles.warningMark)}>
                        {t.severity[severity]}
                      </span>
                      {" — "}
                      <span className={styles.place}>{place}</span>
                    </span>
                    <span className={styles.message}>{sentence(issue.message)}</span>
                  </span>
                </Button>
              </li>
            );
          })}
        </ul>
      </>
    );

  return (
    <section aria-label={t.region} className={styles.panel}>
      <Button appearance="primary" className={styles.run} onClick={() => void check()} disabled={busy}>
        {t.run}
      </Button>
      {busy && <Spinner size="tiny" label={t.running} />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {checkedOn && <Body1>{t.asOf(formatFrenchDate(checkedOn))}</Body1>}
      {issues && issues.length === 0 && (
        <MessageBar intent="success">
          <MessageBarBody>{t.noProblem}</MessageBarBody>
        </MessageBar>
      )}
      {issues && issues.length > 0 && (
        <>
          <Body1 role="status">{t.summary(errors.length, warnings.length)}</Body1>
          {group("error", errors)}
          {group("warning", warnings)}
        </>
      )}
    </section>
  );
}
