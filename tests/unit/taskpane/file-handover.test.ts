/**
 * @jest-environment jsdom
 */
/**
 * How a produced file reaches the user, host by host: the route the pane picks from what Office and the web view
 * say, what it tells the user, and the `ctg` command it gives where no route works.
 */
import {
  BROWSER_PAGE,
  type Handover,
  type PaneHost,
  bilanCommand,
  collectCommand,
  downloadFile,
  fileHandover,
  handoverRoute,
} from "../../../src/taskpane/file-handover";

// User agents as the web views send them (Windows 10, Office's task pane).
const WEBVIEW2 = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91";
const EDGE_HTML = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045";
const TRIDENT = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16)";
const WKWEBVIEW = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)";

const host = (platform: string | undefined, userAgent = ""): PaneHost => ({ platform, userAgent });

/** All the text of a hand-over, French typography's non-breaking spaces read as spaces: what is checked here is the wording. */
const plain = (handed: Handover) => [...handed.paragraphs, ...(handed.command ? [handed.command] : [])].join(" ").replace(/[\u00a0\u202f]/g, " ");

const DECK = {
  fileName: "copil-annuel-2026.pptx",
  bytes: new Uint8Array([80, 75, 3, 4]),
  made: "Présentation « copil-annuel-2026.pptx » prête (9 diapositives).",
  command: "ctg bilan TABLEAU.xlsx --kind annual --year 2026 --out DOSSIER",
};

function recorder() {
  const saved: { fileName: string; bytes: Uint8Array }[] = [];
  return { saved, save: (fileName: string, bytes: Uint8Array) => void saved.push({ fileName, bytes }) };
}

describe("the route of a produced file", () => {
  it.each([
    ["Excel on the web", host("OfficeOnline", WEBVIEW2), { kind: "download", place: "browser" }],
    ["Excel on the web in Safari", host("OfficeOnline", WKWEBVIEW), { kind: "download", place: "browser" }],
    ["Excel for Windows, WebView2", host("PC", WEBVIEW2), { kind: "download", place: "windows" }],
    ["Excel for Windows, old Edge", host("PC", EDGE_HTML), { kind: "none", reason: "legacyWindows" }],
    ["Excel for Windows, Internet Explorer", host("PC", TRIDENT), { kind: "none", reason: "legacyWindows" }],
    ["Excel for Mac", host("Mac", WKWEBVIEW), { kind: "none", reason: "mac" }],
    ["Excel for iPad", host("iOS", WKWEBVIEW), { kind: "none", reason: "ios" }],
    ["Android", host("Android"), { kind: "none", reason: "unknown" }],
    ["Windows RT", host("Universal"), { kind: "none", reason: "unknown" }],
    ["a host that says no platform", host(undefined, WEBVIEW2), { kind: "none", reason: "unknown" }],
  ])("%s", (_, pane, route) => {
    expect(handoverRoute(pane)).toEqual(route);
  });
});

describe("the hand-over", () => {
  it("on Excel on the web, downloads the file and says it is in the Downloads folder", () => {
    const { saved, save } = recorder();
    const handed = fileHandover(BROWSER_PAGE, save)({ ...DECK, afterwards: "Décompressez-le." });
    expect(saved).toEqual([{ fileName: DECK.fileName, bytes: DECK.bytes }]);
    expect(handed.delivered).toBe(true);
    expect(plain(handed)).toMatch(
      /^Présentation « copil-annuel-2026\.pptx » prête \(9 diapositives\)\. Le fichier est dans votre dossier Téléchargements .*Décompressez-le\.$/,
    );
    expect(handed.command).toBeUndefined();
    expect(plain(handed)).not.toContain("ctg");
  });

  it("on Excel for Windows, downloads the file and points to the pane's download box", () => {
    const { saved, save } = recorder();
    const handed = fileHandover(host("PC", WEBVIEW2), save)(DECK);
    expect(saved.map((file) => file.fileName)).toEqual([DECK.fileName]);
    expect(plain(handed)).toContain(
      "Le fichier est dans votre dossier Téléchargements : ouvrez-le depuis le petit encadré de téléchargement affiché dans le volet",
    );
  });

  it.each([
    ["Mac", host("Mac", WKWEBVIEW), "Excel pour Mac ne permet pas à un complément d'enregistrer un fichier"],
    ["iPad", host("iOS", WKWEBVIEW), "Excel pour iPad ne permet pas"],
    ["old Windows", host("PC", TRIDENT), "ancien moteur (Internet Explorer ou l'ancien Edge)"],
    ["an unknown host", host(undefined), "Cette version d'Excel ne permet pas au volet d'enregistrer un fichier"],
  ])("on %s, downloads nothing, says so and gives Excel on the web and the command line", (_, pane, why) => {
    const { saved, save } = recorder();
    const handed = fileHandover(pane, save)({ ...DECK, afterwards: "Décompressez-le." });
    expect(saved).toEqual([]);
    expect(handed.delivered).toBe(false);
    expect(handed.paragraphs[0].startsWith(DECK.made)).toBe(true);
    expect(plain({ paragraphs: [handed.paragraphs[0]], delivered: false })).toContain(why);
    expect(plain(handed)).toContain("rien n'a été téléchargé");
    expect(plain(handed)).toContain("ouvrez ce classeur dans Excel pour le web");
    expect(plain(handed)).toContain("ligne de commande ctg, sur un ordinateur où elle est installée :");
    expect(handed.command).toBe(DECK.command);
    expect(plain(handed)).not.toContain("Décompressez-le");
    expect(plain(handed)).not.toContain("dossier Téléchargements :");
  });

  it("when the download throws, falls back to the same message; on the web, only the command line is an alternative", () => {
    const refuse = () => {
      throw new DOMException("Blob URLs are blocked", "SecurityError");
    };
    const onWindows = fileHandover(host("PC", WEBVIEW2), refuse)(DECK);
    expect(onWindows.delivered).toBe(false);
    expect(plain(onWindows)).toContain("Le téléchargement a été bloqué dans ce volet : rien n'a été enregistré.");
    expect(plain(onWindows)).toContain("Excel pour le web");
    expect(plain(onWindows)).toContain(DECK.command);
    const onTheWeb = fileHandover(BROWSER_PAGE, refuse)(DECK);
    expect(onTheWeb.delivered).toBe(false);
    expect(plain(onTheWeb)).not.toContain("Excel pour le web");
    expect(plain(onTheWeb)).toContain(DECK.command);
  });

  it("in a web view without blob URLs (jsdom has none), the browser's download throws and the pane says so", () => {
    expect(typeof URL.createObjectURL).toBe("undefined");
    expect(() => downloadFile(DECK.fileName, DECK.bytes)).toThrow();
    const handed = fileHandover(BROWSER_PAGE)(DECK);
    expect(handed.delivered).toBe(false);
    expect(plain(handed)).toContain("Le téléchargement a été bloqué");
  });

  it("with blob URLs, clicks a download link that carries the file's name and its bytes with their media type", async () => {
    const blobs: Blob[] = [];
    const clicked: { href: string; download: string; attached: boolean }[] = [];
    Object.assign(URL, { createObjectURL: (blob: Blob) => `blob:ctg/${blobs.push(blob)}`, revokeObjectURL: () => undefined });
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, attached: this.isConnected });
    });
    try {
      const handed = fileHandover(BROWSER_PAGE)(DECK);
      expect(handed.delivered).toBe(true);
      expect(clicked).toEqual([{ href: "blob:ctg/1", download: DECK.fileName, attached: true }]);
      expect(blobs[0].type).toBe("application/vnd.openxmlformats-officedocument.presentationml.presentation");
      // jsdom's Blob has no arrayBuffer(): read it as a page would have before it.
      const read = await new Promise<ArrayBuffer>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.readAsArrayBuffer(blobs[0]);
      });
      expect(new Uint8Array(read)).toEqual(DECK.bytes);
      // The link does not stay in the page.
      expect(document.querySelectorAll("a[download]")).toHaveLength(0);
    } finally {
      click.mockRestore();
      Object.assign(URL, { createObjectURL: undefined, revokeObjectURL: undefined });
    }
  });
});

describe("the command line given instead", () => {
  it("writes the same bilan as the pane's request", () => {
    expect(bilanCommand({ kind: "annual", year: 2026 })).toBe("ctg bilan TABLEAU.xlsx --kind annual --year 2026 --out DOSSIER");
    expect(bilanCommand({ kind: "midterm", until: "2028-T4", provisional: true })).toBe(
      "ctg bilan TABLEAU.xlsx --kind midterm --until 2028-T4 --provisoire --out DOSSIER",
    );
    expect(bilanCommand({ kind: "final", cdsf: true, seriesIndicatorId: "1.A.3-I2" })).toBe(
      "ctg bilan TABLEAU.xlsx --kind final --cdsf --indicator 1.A.3-I2 --out DOSSIER",
    );
  });

  it("writes the same collection files as the pane's request", () => {
    expect(collectCommand({ quarter: "2026-T4", by: "pilote" })).toBe("ctg collect TABLEAU.xlsx --quarter 2026-T4 --out DOSSIER");
    expect(collectCommand({ quarter: "2027-T1", by: "partenaire" })).toBe("ctg collect TABLEAU.xlsx --quarter 2027-T1 --out DOSSIER --by partenaire");
  });
});
