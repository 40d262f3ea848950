/** One translation of every error, for the pane and the command line alike. */
import { EXIT_CODES, Refusal } from "../../src/domain/refusal";
import { ReportRequestError } from "../../src/domain/report";
import { errorLabels } from "../../src/labels/catalog";
import { outcomeOf } from "../../src/services/outcome";
import { SetupRefused } from "../../src/workbook/setup";

describe("outcomeOf", () => {
  it("gives a refusal's own French message and exit code, in the pane as on the command line", () => {
    for (const audience of ["pane", "cli"] as const) {
      expect(outcomeOf(new SetupRefused("la feuille «\u00a0Saisies\u00a0» a des cellules ajoutées"), audience)).toEqual({
        message: "Mise à jour refusée\u00a0: la feuille «\u00a0Saisies\u00a0» a des cellules ajoutées",
        exitCode: EXIT_CODES.problems,
      });
      expect(outcomeOf(new ReportRequestError("le trimestre 2031-T1 est hors de la période de la convention"), audience)).toEqual({
        message: "Bilan impossible\u00a0: le trimestre 2031-T1 est hors de la période de la convention.",
        exitCode: EXIT_CODES.refused,
      });
    }
    expect(outcomeOf(new Refusal("Fichier illisible.", 7), "cli")).toEqual({ message: "Fichier illisible.", exitCode: 7 });
  });

  it("tells Excel's errors by their code, and says what nobody expected with its detail", () => {
    const excelError = Object.assign(new Error("The request payload size has exceeded the limit."), { code: "RequestPayloadSizeLimitExceeded" });
    expect(outcomeOf(excelError, "pane").message).toBe(errorLabels.office.RequestPayloadSizeLimitExceeded);
    expect(outcomeOf(Object.assign(new Error("boom"), { code: "Weird" }), "pane")).toEqual({
      message: "Une erreur inattendue s'est produite (code Weird)\u00a0: boom",
      exitCode: 2,
    });
    expect(outcomeOf(new TypeError("x is undefined"), "cli")).toEqual({ message: "Erreur inattendue\u00a0: x is undefined", exitCode: 2 });
    // A code that only looks like a key of the table is not one of Excel's.
    expect(outcomeOf(Object.assign(new Error("odd"), { code: "toString" }), "pane").message).toMatch(/^Une erreur inattendue/);
  });
});
