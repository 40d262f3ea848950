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

/** The small plan set up with three quarters of history for fiche 1.A.1, the form opened on 2026-T4. */
async function formWithHistory(): Promise<{ form: HTMLElement; gateway: ReturnType<typeof officeGateway> }> {
  const host = createFakeExcel();
  const gateway = officeGateway(host.run, () => new Date("2026-11-24T10:00:00Z"));
  const { smallPlan } = await import("../../support/small-plan");
  const plan = smallPlan();
  await gateway.setUp(plan);
  const places = plan.axes[0].subAxes[0].actions[0].indicators[0];
  const history: [string, "En cours" | "Réalisée", number][] = [
    ["2026-T1", "En cours", 10],
    ["2026-T2", "En cours", 12],
    ["2026-T3", "Réalisée", 12],
  ];
  for (const [quarter, status, value] of history) {
    await gateway.writeEntry({
      status: { actionCode: "1.A.1", quarter, status, progress: status === "Réalisée" ? 100 : 50 },
      measurements: [{ indicator: places, measurement: { indicatorId: places.id, quarter, value } }],
    });
  }
  render(
    <FluentProvider theme={webLightTheme}>
      <App host="excel" gateway={gateway} initialView="saisie" />
    </FluentProvider>,
  );
  return { form: await screen.findByRole("form", { name: "Saisie trimestrielle" }), gateway };
}

describe("entry form, values that are valid but probably wrong", () => {
  it("warns while typing, with the previous value and the reason, lets the value be saved, and keeps the mark of verification", async () => {
    const { form, gateway } = await formWithHistory();
    const user = userEvent.setup();
    await user.click(within(form).getByRole("combobox", { name: /Statut/ }));
    await user.click(await screen.findByRole("option", { name: "Réalisée" }));
    // A fiche done without its final results is asked for them, one warning per empty indicator.
    expect(await within(form).findAllByText(/est «\sRéalisée\s» au 4e trimestre 2026, mais l'indicateur 1\.A\.1-I[23] n'a pas de valeur/)).toHaveLength(2);
    fireEvent.change(within(form).getByRole("textbox", { name: "Taux d'occupation" }), { target: { value: "85" } });
    fireEvent.change(within(form).getByRole("textbox", { name: "Budget engagé" }), { target: { value: "12 500" } });
    const places = within(form).getByRole("textbox", { name: "Nombre de places" });
    fireEvent.change(places, { target: { value: "1" } });

    expect(await within(form).findByText(/La valeur de 1\.A\.1-I1 tombe de 12 à 1 en un trimestre/)).toBeTruthy();
    expect(within(form).getByText(/Valeurs précédentes\s: 3e trimestre 2026\s: 12\./)).toBeTruthy();
    expect(within(form).getByText(/1 valeur\(s\) à confirmer/)).toBeTruthy();
    const save = within(form).getByRole("button", { name: "Enregistrer" }) as HTMLButtonElement;
    // A warning never blocks: the value is valid.
    expect(save.disabled).toBe(false);
    expect(places.getAttribute("aria-invalid")).not.toBe("true");

    const mark = within(form).getByRole("checkbox", { name: "J'ai vérifié cette valeur\u00a0: elle est juste" }) as HTMLInputElement;
    await user.click(mark);
    expect(within(form).queryByText(/valeur\(s\) à confirmer/)).toBeNull();
    await user.click(save);
    expect(await within(form).findByText(/^Enregistré\s: /)).toBeTruthy();

    const reading = (await gateway.read()).reading!;
    expect(reading.tracking?.measurements).toContainEqual({ indicatorId: "1.A.1-I1", quarter: "2026-T4", value: 1, confirmed: true });
    // Marked, the value is no longer raised by Vérifier.
    expect(reading.issues.filter((issue) => issue.message.includes("1.A.1-I1"))).toEqual([]);
  });

  it("warns a value 5 times the median of the quarters before it, naming them, from the third value of a series", async () => {
    const { form } = await formWithHistory();
    const user = userEvent.setup();
    await user.click(within(form).getByRole("combobox", { name: /Statut/ }));
    await user.click(await screen.findByRole("option", { name: "Réalisée" }));
    fireEvent.change(within(form).getByRole("textbox", { name: "Nombre de places" }), { target: { value: "120" } });
    expect(await within(form).findByText(/Valeur 120 de 1\.A\.1-I1 au moins 5 fois la médiane \(12\) des 3 trimestres précédents \(10, 12, 12\)/)).toBeTruthy();
    expect(within(form).getByText(/Valeurs précédentes\s: 1er trimestre 2026\s: 10\s; 2e trimestre 2026\s: 12\s; 3e trimestre 2026\s: 12\./)).toBeTruthy();
    fireEvent.change(within(form).getByRole("textbox", { name: "Nombre de places" }), { target: { value: "14" } });
    expect(within(form).queryByText(/au moins 5 fois la médiane/)).toBeNull();
  });

  it("takes the mark away when the value changes, and asks the reason of a status that goes back until an ajustement is typed", async () => {
    const { form } = await formWithHistory();
    const user = userEvent.setup();
    await user.click(within(form).getByRole("combobox", { name: /Statut/ }));
    await user.click(await screen.findByRole("option", { name: "En cours" }));
    expect(await within(form).findByText(/La fiche 1\.A\.1 repasse de «\sRéalisée\s» à «\sEn cours\s»/)).toBeTruthy();
    fireEvent.change(within(form).getByRole("textbox", { name: /^Ajustements/ }), { target: { value: "Rouverte : deuxième micro-crèche" } });
    expect(within(form).queryByText(/repasse de «\sRéalisée\s»/)).toBeNull();

    const places = within(form).getByRole("textbox", { name: "Nombre de places" });
    fireEvent.change(places, { target: { value: "2" } });
    const mark = (await within(form).findByRole("checkbox", { name: /J'ai vérifié cette valeur/ })) as HTMLInputElement;
    await user.click(mark);
    expect(mark.checked).toBe(true);
    fireEvent.change(places, { target: { value: "3" } });
    expect((within(form).getByRole("checkbox", { name: /J'ai vérifié cette valeur/ }) as HTMLInputElement).checked).toBe(false);
    // A plausible value: no warning at all.
    fireEvent.change(places, { target: { value: "13" } });
    expect(within(form).queryByRole("checkbox", { name: /J'ai vérifié cette valeur/ })).toBeNull();
  });
});
