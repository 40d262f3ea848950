import { Body1, Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { formatFrenchDate } from "../domain/dates";
import { frenchTypography, paneLabels } from "../labels/catalog";
import type { LocatedIssue } from "../workbook/grid-reader";
import { describeError } from "./errors";
import type { TableauGateway } from "./gateway";

const t = paneLabels.check;

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalS },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyleType: "none" },
  item: { minWidth: 0, justifyContent: "flex-start", textAlign: "left", height: "auto", fontWeight: tokens.fontWeightRegular },
});

/** Reads everything typed in the sheets, checks it with the same rules as the form and lists each problem. */
export function CheckPanel({ gateway }: { gateway: TableauGateway }) {
  const styles = useStyles();
  const [issues, setIssues] = useState<LocatedIssue[] | undefined>();
  const [checkedOn, setCheckedOn] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const check = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const state = await gateway.read();
      setIssues(state.reading?.issues ?? []);
      setCheckedOn(gateway.today());
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };
  const errors = issues?.filter((issue) => issue.severity === "error").length ?? 0;

  return (
    <section aria-label={t.region} className={styles.panel}>
      <Button appearance="primary" onClick={() => void check()} disabled={busy}>
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
          <Body1>{t.summary(errors, issues.length - errors)}</Body1>
          <ul className={styles.list}>
            {issues.map((issue, index) => (
              <li key={`${issue.sheet}-${issue.cell}-${index}`}>
                <Button
                  appearance="transparent"
                  className={styles.item}
                  onClick={() => void gateway.select(issue.sheet, issue.cell).catch((caught) => setError(describeError(caught)))}
                >
                  {frenchTypography(t.issue(issue.severity, issue.sheet, issue.cell, issue.message))}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
