/** Serves dist/ on the loopback and gives Playwright pages whose office.js is the fake host. */
import { build } from "esbuild";
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { parseApiSets } from "../../fake-excel/api-sets";

/** The project folder, found upwards from here: this module also runs bundled into build/bench.cjs. */
export function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, "package.json")) || !existsSync(join(dir, "manifest.xml"))) {
    const parent = resolve(dir, "..");
    if (parent === dir) throw new Error("Project root not found");
    dir = parent;
  }
  return dir;
}

const root = projectRoot();
const dist = join(root, "dist");
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".png": "image/png", ".xml": "application/xml" };

let fakeOffice: Promise<string> | undefined;

/**
 * What the page gets in place of office.js: Microsoft's Excel runtime from our `@microsoft/office-js`
 * dependency, then the fake host that answers its requests (bundled once per process).
 */
export function fakeOfficeScript(): Promise<string> {
  fakeOffice ??= bundleFakeOffice();
  return fakeOffice;
}

async function bundleFakeOffice(): Promise<string> {
  const bundle = async (entry: string) =>
    (await build({ entryPoints: [join(root, entry)], bundle: true, write: false, format: "iife", target: "es2020", logLevel: "silent" })).outputFiles[0].text;
  const [page, worker] = await Promise.all([bundle("tests/fake-excel/browser-office.ts"), bundle("tests/fake-excel/worker-host.ts")]);
  const runtime = readFileSync(join(root, "node_modules/@microsoft/office-js/dist/excel-web-16.00.js"), "utf8");
  // The fake host plays an older Excel from the runtime's own list of requirement sets, computed here once.
  const apiSets = `window.__excelApiSets = ${JSON.stringify(parseApiSets(runtime))};`;
  // The same host, to be started in a worker when the page asks for it (?hote=worker).
  const workerSource = `window.__fakeHostWorkerSource = ${JSON.stringify(worker)};`;
  return `${runtime}\n;\n${apiSets}\n${workerSource}\n${page}`;
}

export async function serveDist(): Promise<{ url: string; close(): Promise<void> }> {
  if (!existsSync(join(dist, "taskpane.html"))) throw new Error("dist/taskpane.html is missing: run `npm run build` (test:e2e does it)");
  const server: Server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join(dist, path);
    if (!file.startsWith(dist) || !existsSync(file) || statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) };
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}: install the Debian package chromium (.ci/run does it)`);
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--lang=fr-FR",
    ],
  });
}

/**
 * A page of the pane where office.js is the fake host and nothing leaves the machine. 350 pixels wide, the narrowest
 * Excel opens a task pane at, so that every screen is seen (and screenshot) as its users see it at the worst.
 */
export async function openPane(browser: Browser, baseUrl: string, query = "", viewport = { width: 350, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport, locale: "fr-FR" });
  const script = await fakeOfficeScript();
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.includes("appsforoffice.microsoft.com")) return route.fulfill({ contentType: "text/javascript", body: script });
    if (url.startsWith(baseUrl)) return route.continue();
    return route.abort();
  });
  await page.goto(`${baseUrl}/taskpane.html${query}`);
  return page;
}

/**
 * The set-up every pane test file shares: dist/ served and Chromium launched before its tests, both closed after;
 * `open` gives a page of the pane (350 px wide by default, as a task pane is).
 */
export function paneSession(): { open(query?: string, viewport?: { width: number; height: number }): Promise<Page> } {
  let browser: Browser | undefined;
  let server: { url: string; close(): Promise<void> } | undefined;
  beforeAll(async () => {
    server = await serveDist();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    open: (query, viewport) => {
      if (!browser || !server) throw new Error("paneSession: open() before the session started");
      return viewport ? openPane(browser, server.url, query, viewport) : openPane(browser, server.url, query);
    },
  };
}
