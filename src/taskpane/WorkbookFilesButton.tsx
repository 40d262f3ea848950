/**
 * A button that opens the system's file dialog, for .xlsx workbooks unless told otherwise. The browser's own file
 * button speaks the browser's language (« Choose File », « No file chosen ») and cannot be styled: it stays hidden
 * behind ours, which says what to pick in French.
 */
import { Button, type ButtonProps } from "@fluentui/react-components";
import { useRef } from "react";

export function WorkbookFilesButton({
  label,
  inputLabel,
  onFiles,
  accept = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  multiple = true,
  ...button
}: {
  label: string;
  /** The hidden input's accessible name. */
  inputLabel: string;
  onFiles: (files: File[]) => void;
  /** The file types offered, as the input's `accept` says them. */
  accept?: string;
  multiple?: boolean;
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
        multiple={multiple}
        hidden
        accept={accept}
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
