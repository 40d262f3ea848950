/**
 * A visible keyboard focus on every control (RGAA 10.7, WCAG 2.4.7). Fluent UI marks a focused field with a 2-pixel
 * underline only, which is easy to miss: fields get a clear outline around the whole box, and any element Fluent
 * does not style (the browser's file input, a message focused to announce it) the same outline. Fluent's buttons,
 * tabs, radios and checkboxes keep their own focus ring, which is already a full outline.
 */
import { comboboxClassNames, dropdownClassNames, inputClassNames, makeStaticStyles, textareaClassNames, tokens } from "@fluentui/react-components";

const OUTLINE = { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" };

// The class is doubled to outweigh Fluent's own rules of the same weight: its Combobox draws a transparent outline
// (for Windows' high-contrast mode), which would otherwise win, being inserted later.
const FIELDS = [inputClassNames.root, textareaClassNames.root, comboboxClassNames.root, dropdownClassNames.root]
  .map((name) => `.${name}.${name}:focus-within`)
  .join(", ");

export const useVisibleFocus = makeStaticStyles({
  ":focus-visible": OUTLINE,
  [FIELDS]: OUTLINE,
});
