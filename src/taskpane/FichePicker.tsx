import { Combobox, Field, Option } from "@fluentui/react-components";
import { useState } from "react";
import type { ActionSheet } from "../domain/plan";

/** A fiche action chosen by typing a code or a word of its title, as the entry form and the evaluation offer it. */
export function FichePicker({
  actions,
  code,
  label,
  hint,
  onSelect,
}: {
  actions: readonly ActionSheet[];
  code: string;
  label: string;
  hint?: string;
  onSelect: (code: string) => void;
}) {
  const [search, setSearch] = useState("");
  const chosen = actions.find((candidate) => candidate.code === code);
  const matching = actions.filter((candidate) => `${candidate.code} ${candidate.title}`.toLowerCase().includes(search.toLowerCase()));
  return (
    <Field label={label} {...(hint ? { hint } : {})}>
      <Combobox
        value={search || (chosen ? `${chosen.code} ${chosen.title}` : "")}
        selectedOptions={[code]}
        onChange={(event) => setSearch(event.target.value)}
        onOptionSelect={(_, data) => {
          setSearch("");
          if (data.optionValue) onSelect(data.optionValue);
        }}
      >
        {matching.map((candidate) => (
          <Option key={candidate.code} value={candidate.code} text={`${candidate.code} ${candidate.title}`}>
            {`${candidate.code} ${candidate.title}`}
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}
