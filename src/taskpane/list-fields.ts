/**
 * French accessible names for the parts Fluent UI adds to its list fields: the Combobox's arrow is a button it names
 * « Open », and the Dropdown's clear button « Clear selection », which screen readers would read out in English.
 */
import type { ComboboxProps, DropdownProps } from "@fluentui/react-components";
import { paneLabels } from "../labels/catalog";

const t = paneLabels.controls;

/** `label`: the field's label, so that the arrow says which list it opens. */
export function comboboxSlots(label: string): Pick<ComboboxProps, "expandIcon"> {
  return { expandIcon: { "aria-label": t.openList(label) } };
}

export const dropdownSlots: Pick<DropdownProps, "clearButton"> = { clearButton: { "aria-label": t.clearChoice } };
