/**
 * A button that opens the system's file dialog for .xlsx workbooks. The browser's own file button speaks the
 * system's language and cannot be styled: it stays hidden behind ours, which says what to pick in French.
 */
import { Button, type ButtonProps } from "@fluentui/react-components";
import { useRef } from "react";

export function WorkbookFilesButton({
  label,
  inputLabel,
  onFiles,
  ...button
}: {
  label: string;
  /** The hidden input's accessible name. */
  inputLabel: string;
  onFiles: (files: File[]) => void;
} & Pick<ButtonProps, "appearance" | "disabled" | "className">) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button {...button} onClick={() => input.current?.click()}>
        {label}
      </Button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={inputLabel}
        onChange={(event) => {
          // Copied now: the input's live FileList is emptied right after, before React runs the update.
          onFiles([...(event.target.files ?? [])]);
          // The same files can be picked again, after they were corrected or the list emptied.
          event.target.value = "";
        }}
      />
    </>
  );
}
