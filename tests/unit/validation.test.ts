import { readNumber } from "../../src/domain/numbers";
import { quarterLabel, quartersBetween, measuredQuarters, quarterOf, quarterEnd } from "../../src/domain/quarters";
import { checkMeasurementValue, checkQuarter, checkStatusEntry, checkProgressValue } from "../../src/domain/validation";
import { readDate, readTypedDate, isoToExcelSerial, excelSerialToIso } from "../../src/domain/dates";
import type { IndicatorType } from "../../src/domain/vocabulary";

const context = { start: "2026-01-01", end: "2030-12-31", today: "2026-11-24" };
const indicator = (type: IndicatorType) => ({ type, label: "Indicateur" });

describe("French numbers", () => {
  it.each([
    ["1 234,56", 1234.56],
    ["1\u202f234,5", 1234.5],
    ["12,5 %", 12.5],
    ["1 500 €", 1500],
    ["1.234,5", 1234.5],
    ["1,234.5", 1234.5],
    ["-3", -3],
    ["42", 42],
  ])("reads %s as %s", (text, value) => {
    const reading = readNumber(text);
    expect(reading.kind).toBe("number");
    if (reading.kind === "number") expect(reading.value).toBeCloseTo(value, 9);
  });

  it.each(["douze", "12,5,3", "1e5x", "--2"])("refuses %s", (text) => {
    expect(readNumber(text).kind).toBe("invalid");
  });
});

describe("indicator values", () => {
  it.each<[IndicatorType, unknown, unknown]>([
    ["nombre", 12, 12],
    ["nombre", "1 200", 1200],
    ["taux", "45,5 %", 45.5],
    ["taux", 100, 100],
    ["montant", "1 234,56 €", 1234.56],
    ["montant", 0, 0],
    ["oui-non", "oui", true],
    ["oui-non", "NON", false],
    ["oui-non", true, true],
    ["echelle", "4", 4],
    ["texte", "  Bon retour des familles ", "Bon retour des familles"],
    ["nombre", "", undefined],
    ["nombre", null, undefined],
  ])("%s accepts %p", (type, raw, value) => {
    const checked = checkMeasurementValue(indicator(type), raw);
    expect(checked.problems).toEqual([]);
    expect(checked.value).toEqual(value);
  });

  it.each<[IndicatorType, unknown, RegExp]>([
    ["nombre", 12.5, /entier positif ou nul/],
    ["nombre", -1, /entier positif ou nul/],
    ["nombre", "douze", /n'est pas un nombre/],
    ["nombre", "12 %", /pourcentage/],
    ["taux", 140, /entre 0 et 100/],
    ["taux", "-5 %", /entre 0 et 100/],
    ["montant", 12.345, /2 décimales/],
    ["montant", -10, /positif ou nul/],
    ["oui-non", "peut-être", /Oui ou Non/],
    ["oui-non", 1, /Oui ou Non/],
    ["echelle", 6, /de 1 à 5/],
    ["echelle", 2.5, /de 1 à 5/],
    ["texte", "x".repeat(4001), /4000 caractères/],
  ])("%s refuses %p with a French message", (type, raw, message) => {
    const checked = checkMeasurementValue(indicator(type), raw);
    expect(checked.value).toBeUndefined();
    expect(checked.problems).toHaveLength(1);
    expect(checked.problems[0]).toMatchObject({ field: "value", severity: "error" });
    expect(checked.problems[0].message).toMatch(message);
  });

  it("reads a rate stored as a fraction in a percent-formatted cell", () => {
    expect(checkMeasurementValue(indicator("taux"), 0.07, "fraction").value).toBe(7);
    expect(checkMeasurementValue(indicator("taux"), 45, "fraction").problems[0].message).toMatch(/entre 0 et 100/);
    expect(checkMeasurementValue(indicator("taux"), "45 %", "fraction").value).toBe(45);
  });

  it("never throws, whatever the input", () => {
    const inputs: unknown[] = [undefined, NaN, Infinity, {}, [], () => 1, Symbol.for("x"), new Date(), "€", "%", " ", -0, 1e308];
    for (const type of ["nombre", "taux", "montant", "oui-non", "echelle", "texte"] as const) {
      for (const raw of inputs) {
        expect(() => checkMeasurementValue(indicator(type), raw)).not.toThrow();
      }
    }
  });

  it("keeps random strings either accepted within bounds or refused with a message", () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const alphabet = "0123456789 ,.-%€abcOuiNon";
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 8) }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
      for (const type of ["nombre", "taux", "montant", "echelle"] as const) {
        const checked = checkMeasurementValue(indicator(type), text);
        if (checked.problems.length === 0) {
          if (checked.value === undefined) continue;
          expect(typeof checked.value).toBe("number");
          const value = checked.value as number;
          expect(value).toBeGreaterThanOrEqual(type === "echelle" ? 1 : 0);
          if (type === "taux") expect(value).toBeLessThanOrEqual(100);
          if (type === "nombre" || type === "echelle") expect(Number.isInteger(value)).toBe(true);
        } else {
          expect(checked.problems[0].message.length).toBeGreaterThan(10);
        }
      }
    }
  });
});

describe("quarters", () => {
  it("lists the 20 quarters of a five-year convention", () => {
    const quarters = quartersBetween("2026-01-01", "2030-12-31");
    expect(quarters).toHaveLength(20);
    expect(quarters[0]).toBe("2026-T1");
    expect(quarters[19]).toBe("2030-T4");
  });

  it("handles a convention starting mid-year", () => {
    expect(quartersBetween("2025-07-01", "2026-06-30")).toEqual(["2025-T3", "2025-T4", "2026-T1", "2026-T2"]);
    expect(quarterOf("2026-05-31")).toBe("2026-T2");
    expect(quarterEnd("2028-T1")).toBe("2028-03-31");
  });

  it("measures annual indicators in the last quarter of each year", () => {
    expect(measuredQuarters("annuelle", quartersBetween("2025-07-01", "2027-03-31"))).toEqual(["2025-T4", "2026-T4", "2027-T1"]);
  });

  it("refuses quarters outside the convention or not begun, and malformed ones", () => {
    expect(checkQuarter("2026-T4", context)).toEqual([]);
    expect(checkQuarter("2025-T4", context)[0].message).toMatch(/hors de la période/);
    expect(checkQuarter("2027-T1", context)[0].message).toMatch(/n'a pas encore commencé/);
    expect(checkQuarter("2026-Q1", context)[0].message).toMatch(/2026-T1/);
    expect(quarterLabel("2026-T1")).toBe("1er trimestre 2026");
  });
});

describe("dates", () => {
  it("converts Excel serial numbers both ways", () => {
    expect(isoToExcelSerial("2026-01-01")).toBe(46023);
    expect(excelSerialToIso(46023)).toBe("2026-01-01");
    expect(readDate("31/12/2030")).toBe("2030-12-31");
    expect(readDate("31/02/2030")).toBeUndefined();
    expect(readDate(46023)).toBe("2026-01-01");
  });

  it("tells an impossible date from a date in the wrong form", () => {
    expect(readTypedDate("31/12/2030")).toEqual({ date: "2030-12-31" });
    expect(readTypedDate("31/02/2026")).toEqual({ problem: "impossible" });
    expect(readTypedDate("2026-02-30")).toEqual({ problem: "impossible" });
    expect(readTypedDate("29/02/2028")).toEqual({ date: "2028-02-29" });
    expect(readTypedDate("29/02/2027")).toEqual({ problem: "impossible" });
    expect(readTypedDate("fin 2026")).toEqual({ problem: "format" });
    expect(readTypedDate("2026/12/31")).toEqual({ problem: "format" });
  });
});

describe("status entries", () => {
  it("accepts a complete entry and normalises the status", () => {
    const checked = checkStatusEntry("1.A.1", "2026-T2", { status: "en cours", progress: "40 %", achievements: "Réunion" });
    expect(checked.problems).toEqual([]);
    expect(checked.value).toEqual({ actionCode: "1.A.1", quarter: "2026-T2", status: "En cours", progress: 40, achievements: "Réunion" });
  });

  it("refuses Réalisée below 100 % and À lancer with progress", () => {
    expect(checkStatusEntry("1.A.1", "2026-T2", { status: "Réalisée", progress: 80 }).problems[0].message).toMatch(/100\s%/);
    expect(checkStatusEntry("1.A.1", "2026-T2", { status: "À lancer", progress: 0.3 }, "fraction").problems[0].message).toMatch(/«\sÀ lancer\s»/);
  });

  it("asks for a status when other fields are filled, and explains abandoned fiches", () => {
    const missing = checkStatusEntry("1.A.1", "2026-T2", { achievements: "Réunion" });
    expect(missing.problems).toEqual([expect.objectContaining({ field: "status", severity: "error" })]);
    const abandoned = checkStatusEntry("1.A.1", "2026-T2", { status: "Abandonnée" });
    expect(abandoned.problems).toEqual([expect.objectContaining({ field: "difficulties", severity: "warning" })]);
  });

  it("gives an unknown status one error, not a second one asking for the status", () => {
    const typed = checkStatusEntry("1.A.1", "2026-T2", { status: "Terminé", progress: 50, achievements: "Réunion" });
    expect(typed.problems).toEqual([
      expect.objectContaining({ field: "status", severity: "error", message: expect.stringMatching(/statut «.Terminé.» inconnu/) }),
    ]);
    // A blank status with other fields filled is still the one fault « indiquez le statut ».
    expect(checkStatusEntry("1.A.1", "2026-T2", { status: "  ", progress: 50 }).problems).toEqual([
      expect.objectContaining({ field: "status", message: expect.stringMatching(/^indiquez le statut/) }),
    ]);
  });

  it("refuses unknown statuses and progress out of bounds", () => {
    expect(checkStatusEntry("1.A.1", "2026-T2", { status: "Fini" }).problems[0].message).toMatch(/statut «\sFini\s» inconnu/);
    expect(checkProgressValue(1.2, "fraction").problems[0].message).toMatch(/entre 0\s% et 100\s%/);
    expect(checkProgressValue("12,5").problems[0].message).toMatch(/entier/);
  });
});
