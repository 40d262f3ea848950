import { Combobox, Field, Option } from "@fluentui/react-components";
import { useState } from "react";
import type { ActionSheet } from "../domain/plan";
import { foldText } from "../domain/vocabulary";
import { paneLabels } from "../labels/catalog";
import { comboboxSlots } from "./list-fields";

const t = paneLabels.entryForm;

const named = (action: ActionSheet) => `${action.code} ${action.title}`;

/**
 * Whether a fiche answers what was typed: every word typed is found in its code or its title, accents, case and
 * apostrophes aside (« numé » finds « Inclusion numérique », « 2.a » finds 2.A.1).
 */
export function ficheMatches(action: ActionSheet, typed: string): boolean {
  const haystack = foldText(named(action));
  return foldText(typed)
    .split(" ")
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

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
  // What the user is typing; undefined while not searching, when the field shows the fiche chosen.
  const [query, setQuery] = useState<string | undefined>();
  const chosen = actions.find((candidate) => candidate.code === code);
  const matching = query === undefined ? actions : actions.filter((candidate) => ficheMatches(candidate, query));
  return (
    <Field label={label} {...(hint ? { hint } : {})}>
      <Combobox
        {...comboboxSlots(label)}
        value={query ?? (chosen ? named(chosen) : "")}
        selectedOptions={[code]}
        onChange={(event) => setQuery(event.target.value)}
        onOptionSelect={(_, data) => {
          // Fluent clears the selection when the text is erased or matches no fiche: the search goes on.
          if (!data.optionValue) return;
          setQuery(undefined);
          onSelect(data.optionValue);
        }}
        onBlur={() => {
          // Leaving the field without choosing gives back the fiche chosen, rather than half a search; closing the
          // list (a click in the text, Escape) keeps what was typed.
          setQuery(undefined);
        }}
      >
        {matching.map((candidate) => (
          <Option key={candidate.code} value={candidate.code} text={named(candidate)}>
            {named(candidate)}
          </Option>
        ))}
        {matching.length === 0 && query !== undefined && (
          <Option key="" value="" text={query} disabled>
            {t.noFiche(query)}
          </Option>
        )}
      </Combobox>
    </Field>
  );
}
