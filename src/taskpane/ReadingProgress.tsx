/** Progress while picked workbooks are read one by one, then while the result is written (consolidation, returns). */
import { Field, ProgressBar } from "@fluentui/react-components";

export interface ReadingStep {
  /** Files done so far. */
  index: number;
  total: number;
  file: string;
}

export function ReadingProgress({
  label,
  step,
  reading,
  writing,
}: {
  label: string;
  step: ReadingStep;
  reading: (position: number, total: number, file: string) => string;
  writing: string;
}) {
  return (
    <Field label={label} validationState="none" validationMessage={step.index < step.total ? reading(step.index + 1, step.total, step.file) : writing}>
      <ProgressBar value={step.index / Math.max(1, step.total)} max={1} />
    </Field>
  );
}
