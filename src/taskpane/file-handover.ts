/**
 * How a file the pane produced (the COPIL deck, the written bilan, the collection's archive) reaches the user,
 * decided from the host the pane runs in, and done; the pane then says where the file went, or, where no way is
 * known to work, says so and gives the alternatives: Excel on the web, or the `ctg` command that writes the same file.
 *
 * Why each host gets its route (Office.context.diagnostics.platform, and on Windows the web view's user agent):
 * - Excel on the web ("OfficeOnline"): the pane is a frame of a real browser, where a blob link with `download`
 *   saves the file like any site's download, on Windows and Mac browsers alike (OfficeDev/office-js#4681: works on
 *   the web, fails on the Mac desktop).
 * - Excel for Windows ("PC") with WebView2 (Chromium Edge): downloads work. The web view saves to the user's Downloads
 *   folder (CoreWebView2Profile.DefaultDownloadFolderPath defaults to it) and shows its download box inside the narrow
 *   pane, where users miss it (OfficeDev/office-js#1793): the message says where to look.
 * - Excel for Windows with EdgeHTML (the old Edge, user agent "Edge/") or Trident (Internet Explorer 11, "Trident/"),
 *   still used by volume-licensed Office 2016 and 2019 or without the WebView2 runtime ("Browsers and webview controls
 *   used by Office Add-ins", learn.microsoft.com; "Support older Microsoft webviews" tells them apart by user agent):
 *   the same page says blobs cannot be downloaded directly there, and msSaveOrOpenBlob is missing from the Edge web
 *   view (OfficeDev/office-js#1006). No route.
 * - Excel for Mac and for iPad ("Mac", "iOS"): WKWebView ignores download links — nothing happens and nothing is
 *   thrown (OfficeDev/office-js#2700 closed "by design", #3385, #4681, #6468; blocked on a WebKit bug). Microsoft's
 *   workaround, Office.context.ui.openBrowserWindow (OpenBrowserWindowApi 1.1: Windows, Mac and iPad, not the web),
 *   opens the default browser on a URL that must itself produce the file: it refuses file URLs by design, and a blob
 *   URL exists only inside the pane (#3, #503). This add-in is static files with no server to hold the file, so the
 *   workaround does not apply. A dialog (displayDialogAsync) is the same WKWebView (#3); a data: URL is a link like
 *   any other. No route.
 * - showSaveFilePicker (File System Access API) is in no WebKit, is refused to cross-origin frames (the pane in Excel
 *   on the web) and needs a fresh user gesture, which a file produced seconds after the click no longer has: used on
 *   no host.
 * - Anything else (Android, "Universal", a host that says no platform): no route known; saying so is better than a
 *   click that may silently do nothing.
 * Where a download is tried and throws (no blob URLs, no download links), the pane falls back to the same message.
 */
import type { CollectBy } from "../domain/collection";
import type { BilanRequest } from "../excel";
import { handoverLabels } from "../labels/catalog";

const t = handoverLabels;

/** What the pane knows of its host: Office's platform and the web view's user agent. */
export interface PaneHost {
  /** Office.context.diagnostics.platform; undefined when Office says nothing. */
  platform: string | undefined;
  userAgent: string;
}

/** A page in a browser, as the pane is in Excel on the web (and the unit tests' jsdom). */
export const BROWSER_PAGE: PaneHost = { platform: "OfficeOnline", userAgent: "" };

export type NoRouteReason = "mac" | "ios" | "legacyWindows" | "unknown";

export type HandoverRoute = { kind: "download"; place: "browser" | "windows" } | { kind: "none"; reason: NoRouteReason };

/** The way a produced file reaches the user on this host (the module's comment says why). */
export function handoverRoute(host: PaneHost): HandoverRoute {
  switch (host.platform) {
    case "OfficeOnline":
      return { kind: "download", place: "browser" };
    case "PC":
      return /\bTrident\/|\bMSIE |\bEdge\//.test(host.userAgent) ? { kind: "none", reason: "legacyWindows" } : { kind: "download", place: "windows" };
    case "Mac":
      return { kind: "none", reason: "mac" };
    case "iOS":
      return { kind: "none", reason: "ios" };
    default:
      return { kind: "none", reason: "unknown" };
  }
}

/** A file the pane produced, with what to say about it. */
export interface ProducedFile {
  fileName: string;
  bytes: Uint8Array;
  /** What it is, in French, said first: « Présentation … prête (12 diapositives). » */
  made: string;
  /** The `ctg` command line that writes the same file, for hosts where the pane cannot hand it over. */
  command: string;
  /** What to do once the file is there, said only when it was handed over. */
  afterwards?: string;
}

export interface Handover {
  delivered: boolean;
  /** What was made and where it went, or why it did not and how to get it: one paragraph each. */
  paragraphs: string[];
  /** Where the file could not be handed over: the `ctg` command that writes it, shown apart to be copied whole. */
  command?: string;
}

export type FileHandover = (file: ProducedFile) => Handover;

/** Gives a file to the browser's download; throws when this web view cannot. */
export type SaveFile = (fileName: string, bytes: Uint8Array) => void;

/** The media type a download is saved with, by the file's extension: the browser picks the application from it. */
const MEDIA_TYPES: Record<string, string> = {
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  zip: "application/zip",
};

/** The browser's download of a file: a blob URL and a click on a download link. */
export const downloadFile: SaveFile = (fileName, bytes) => {
  // A web view without blob URLs or download links would otherwise ignore the click without a word.
  if (typeof URL.createObjectURL !== "function" || !("download" in HTMLAnchorElement.prototype)) throw new Error("This web view offers no download");
  const extension = fileName.slice(fileName.lastIndexOf(".") + 1).toLowerCase();
  const blob = new Blob([bytes as BlobPart], { type: MEDIA_TYPES[extension] ?? "application/octet-stream" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The download reads the blob after the click returns: the URL stays valid for a minute.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
};

/**
 * The hand-over of this host: the download where it works, telling where the file went; elsewhere, or when the
 * download throws, nothing is downloaded and the text says why and gives the alternatives.
 */
export function fileHandover(host: PaneHost, save: SaveFile = downloadFile): FileHandover {
  const route = handoverRoute(host);
  const notDelivered = (file: ProducedFile, why: string, onTheWeb: boolean): Handover => ({
    delivered: false,
    paragraphs: [`${file.made} ${why}`, ...(onTheWeb ? [t.onTheWeb] : []), t.withCommandLine],
    command: file.command,
  });
  return (file) => {
    if (route.kind === "none") return notDelivered(file, t.notDelivered[route.reason], true);
    try {
      save(file.fileName, file.bytes);
    } catch {
      // Already in a browser, Excel on the web is no alternative: only the command line is.
      return notDelivered(file, t.notDelivered.failed, route.place !== "browser");
    }
    return { delivered: true, paragraphs: [[file.made, t.delivered[route.place], ...(file.afterwards ? [file.afterwards] : [])].join(" ")] };
  };
}

/** `ctg bilan` writing the same bilan as the pane's request (the deck and the written bilan come together). */
export function bilanCommand(request: BilanRequest): string {
  return [
    "ctg bilan",
    t.commandWorkbook,
    `--kind ${request.kind}`,
    ...(request.kind === "annual" && request.year !== undefined ? [`--year ${request.year}`] : []),
    ...(request.kind === "midterm" && request.until !== undefined ? [`--until ${request.until}`] : []),
    ...(request.provisional ? ["--provisoire"] : []),
    ...(request.cdsf ? ["--cdsf"] : []),
    ...(request.seriesIndicatorId ? [`--indicator ${request.seriesIndicatorId}`] : []),
    `--out ${t.commandFolder}`,
  ].join(" ");
}

/** `ctg collect` writing the same collection files as the pane's request, one by one in a folder. */
export function collectCommand(request: { quarter: string; by: CollectBy }): string {
  return [
    "ctg collect",
    t.commandWorkbook,
    `--quarter ${request.quarter}`,
    `--out ${t.commandFolder}`,
    ...(request.by === "partenaire" ? ["--by partenaire"] : []),
  ].join(" ");
}
