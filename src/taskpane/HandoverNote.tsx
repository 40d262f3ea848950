import { MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { handoverLabels } from "../labels/catalog";
import type { Handover } from "./file-handover";

const useStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  paragraph: { margin: 0 },
  // The command is copied whole: one click selects all of it, and it wraps in the narrow pane rather than overflow.
  command: {
    display: "block",
    fontFamily: tokens.fontFamilyMonospace,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    userSelect: "all",
  },
});

/** What the pane says after handing a file over: where it went, or why it could not and how to get it. */
export function HandoverNote({ handed }: { handed: Handover }) {
  const styles = useStyles();
  return (
    <MessageBar intent={handed.delivered ? "success" : "warning"} layout="multiline">
      <MessageBarBody className={styles.body}>
        {handed.paragraphs.map((paragraph) => (
          <p key={paragraph} className={styles.paragraph}>
            {paragraph}
          </p>
        ))}
        {handed.command && (
          <>
            <code className={styles.command}>{handed.command}</code>
            <p className={styles.paragraph}>{handoverLabels.commandPlaceholders}</p>
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
