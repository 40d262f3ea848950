import { Dropdown, Field, Option } from "@fluentui/react-components";
import { quarterLabel } from "../domain/quarters";
import { paneLabels } from "../labels/catalog";
import { dropdownSlots } from "./list-fields";

const t = paneLabels.quarterPicker;

/** The quarter chooser shared by the dashboard and the entry form; quarters are named in words, locked ones say so. */
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
      <Dropdown
        {...dropdownSlots}
        value={t.option(quarterLabel(value), locked.includes(value))}
        selectedOptions={[value]}
        onOptionSelect={(_, data) => data.optionValue && onChange(data.optionValue)}
      >
        {quarters.map((item) => (
          <Option key={item} value={item}>
            {t.option(quarterLabel(item), locked.includes(item))}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
