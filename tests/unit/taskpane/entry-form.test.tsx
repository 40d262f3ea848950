/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TEXT_MAX_LENGTH } from "../../../src/domain/entry-rules";
import { App } from "../../../src/taskpane/App";
import { officeGateway } from "../../../src/taskpane/gateway";
import { createFakeExcel } from "../../fake-excel";

// Rendering Fluent UI in jsdom is slow on a loaded two-core machine; these are behaviour tests, not timings.
jest.setTimeout(30_000);

async function entryForm(): Promise<HTMLElement> {
  const host = createFakeExcel();
  const gateway = officeGateway(host.run, () => new Date("2026-11-24T10:00:00Z"));
  const { smallPlan } = await import("../../support/small-plan");
  await gateway.setUp(smallPlan());
  render(
    <FluentProvider theme={webLightTheme}>
      <App host="excel" gateway={gateway} initialView="saisie" />
    </FluentProvider>,
  );
  return screen.findByRole("form", { name: "Saisie trimestrielle" });
}

/** The texts that describe a control (Fluent's Field points its control at its validation message and hint). */
function description(control: HTMLElement): string {
  const ids = (control.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
}

describe("entry form, a text over the length limit", () => {
  it.each([
    ["an indicator's comment", /^Commentaire \(/, /Le commentaire dépasse/, false],
    // A fiche's texts need its status, or the form refuses them for that.
    ["the achievements", /^Réalisations/, /Le texte «.Réalisations.» dépasse/, true],
  ])("%s: the field says why the button is disabled, naming the limit and the length typed", async (_, name, subject, needsStatus) => {
    const form = await entryForm();
    if (needsStatus) {
      const user = userEvent.setup();
      await user.click(within(form).getByRole("combobox", { name: /Statut/ }));
      await user.click(await screen.findByRole("option", { name: "En cours" }));
    }
    const field = within(form).getAllByRole("textbox", { name })[0];
    const save = within(form).getByRole("button", { name: "Enregistrer" }) as HTMLButtonElement;
    expect(save.disabled).toBe(false);

    // Typing 4,001 characters one by one would take minutes: the whole text arrives in one change, as a paste does.
    fireEvent.change(field, { target: { value: "x".repeat(TEXT_MAX_LENGTH + 1) } });
    const message = await within(form).findByText(new RegExp(`${subject.source} ${TEXT_MAX_LENGTH} caractères \\(${TEXT_MAX_LENGTH + 1}\\)`));
    expect(save.disabled).toBe(true);
    // The message belongs to the field itself: the control is invalid and described by it.
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(description(field)).toContain(message.textContent);
    expect(within(form).getByText("Corrigez les champs signalés pour pouvoir enregistrer.")).toBeTruthy();

    // At the limit the text is accepted: the message goes and the button comes back, so it was the only reason.
    fireEvent.change(field, { target: { value: "x".repeat(TEXT_MAX_LENGTH) } });
    expect(within(form).queryByText(new RegExp(`${subject.source} ${TEXT_MAX_LENGTH} caractères`))).toBeNull();
    expect(field.getAttribute("aria-invalid")).not.toBe("true");
    expect(save.disabled).toBe(false);
  });
});
