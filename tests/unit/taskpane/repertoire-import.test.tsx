/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ImportedPlan } from "../../../src/import/parse-repertoire";
import { RepertoireImport } from "../../../src/taskpane/RepertoireImport";

jest.setTimeout(30_000);

const seed = readFileSync(join(__dirname, "../../../../shared/seeds/003_7db3a68b281f32e6.txt"), "utf8");

function renderImport() {
  const plans: (ImportedPlan | undefined)[] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <RepertoireImport onPlan={(plan) => plans.push(plan)} />
    </FluentProvider>,
  );
  return plans;
}

/** A file as the pane receives it; jsdom's File cannot give its bytes, the browser's can. */
function fileOf(name: string, bytes: Uint8Array): File {
  const copy = new Uint8Array(bytes);
  return Object.assign(new File([copy], name), { arrayBuffer: async () => copy.buffer });
}

describe("the pane's répertoire import holds the command line's limits", () => {
  it("refuses a pasted text with a line of 20,000 characters, naming the line", async () => {
    const user = userEvent.setup();
    const plans = renderImport();
    const lines = seed.split("\n");
    lines.splice(4, 0, "x".repeat(20_000));
    await user.click(screen.getByRole("textbox", { name: /Ou collez le texte du répertoire/ }));
    await user.paste(lines.join("\n"));
    await user.click(screen.getByRole("button", { name: "Analyser le texte collé" }));
    expect(await screen.findByText(/Ce texte n'est pas analysé\s: la ligne 5 compte 20\s000 caractères pour une limite de 10\s000/)).toBeTruthy();
    expect(plans).toEqual([undefined]);
  });

  it("refuses a text file of 6 MB from its size, and names the lines of another encoding in a file it reads", async () => {
    const user = userEvent.setup();
    const plans = renderImport();
    const input = screen.getByLabelText("Répertoire des fiches actions (.docx ou .txt)") as HTMLInputElement;
    const large = new File([new Uint8Array(6 * 1024 * 1024)], "gros.txt");
    large.arrayBuffer = () => Promise.reject(new Error("read although too large"));
    await user.upload(input, large);
    expect(await screen.findByText(/«\sgros\.txt\s» n'est pas analysé\s: le fichier pèse 6 Mo pour une limite de 5 Mo/)).toBeTruthy();

    const lines = seed.split("\n");
    const bytes = Buffer.concat(lines.map((line, index) => Buffer.from(index === lines.length - 1 ? line : `${line}\n`, index === 89 ? "latin1" : "utf8")));
    await user.upload(input, fileOf("melange.txt", bytes));
    expect(await screen.findByText(/15 fiches actions trouvées/)).toBeTruthy();
    expect(screen.getByText(/encodage\s: la ligne 90 n'est pas en UTF-8 comme le reste du texte/)).toBeTruthy();
    expect(plans[plans.length - 1]?.axes).toHaveLength(3);
  });
});
