import { Dropdown, Field, Option } from "@fluentui/react-components";
import { paneLabels } from "../labels/catalog";

const t = paneLabels.quarterPicker;

/** The quarter chooser shared by the dashboard and the entry form; locked quarters say so. */
export function QuarterPicker({
  quarters,
  locked,
  value,
  onChange,
  hint,
}: {
  quarters: readonly string[];
  locked: readonly string[];
  value: string;
  onChange: (quarter: string) => void;
  /** What the quarter chosen applies to, when the view says it. */
  hint?: string;
}) {
  return (
    <Field label={t.label} {...(hint ? { hint } : {})}>
      <Dropdown value={value} selectedOptions={[value]} onOptionSelect={(_, data) => data.optionValue && onChange(data.optionValue)}>
        {quarters.map((item) => (
          <Option key={item} value={item}>
            {t.option(item, locked.includes(item))}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
