/**
 * The deployment kit of deploy/, used as a Caf's IT would: `npm run build:deploy` builds the add-in for
 * https://localhost:<port>/ctg/, Debian's nginx serves it over HTTPS with the kit's configuration and a throwaway
 * certificate (started by hand with -p and -c, never as a system service), and Chromium loads the pane from it, on its
 * own as desktop Excel does and in a frame as Excel on the web does. The manifest the server hands out is validated
 * against Microsoft's XSD schemas (../shared/schemas/office-addin-manifest).
 */
import { type ChildProcess, execFile, execFileSync, spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { connect as tlsConnect, type ConnectionOptions } from "node:tls";
import { promisify } from "node:util";
import { gunzipSync } from "node:zlib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { paneLabels } from "../../src/labels/catalog";
import { fakeOfficeScript, launchChromium } from "./support/pane-server";

const root = resolve(__dirname, "../..");
const schemaDir = process.env.CTG_MANIFEST_SCHEMAS ?? resolve(root, "../shared/schemas/office-addin-manifest");
const nginxBinary = process.env.NGINX_PATH ?? "/usr/sbin/nginx";
const shots = join(root, "test-output", "deploy");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** Hosts that frame the pane in Excel on the web, and one that must not be able to. */
const EXCEL_WEB = "https://excel.officeapps.live.com";
const STRANGER = "https://intrus.example";
/** The minified HTML leaves attribute values unquoted when it can. */
const SCRIPT_SRC = /<script[^>]*\ssrc=["']?([^"'\s>]+)/g;

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

let work: string;
let out: string;
let httpsPort: number;
let httpPort: number;
let address: string;
let certificate: Buffer;
let nginx: ChildProcess | undefined;
let nginxLog = "";
let browser: Browser;

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => done(port));
    });
  });
}

/** A GET to the HTTPS server, checked against the throwaway certificate (not merely accepted). */
function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((done, fail) => {
    const request = httpsRequest(
      { host: "127.0.0.1", servername: "localhost", port: httpsPort, path, ca: certificate, headers: { host: `localhost:${httpsPort}`, ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => done({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      },
    );
    request.on("error", fail);
    request.end();
  });
}

function getPlainHttp(path: string): Promise<Answer> {
  return new Promise((done, fail) => {
    const request = httpRequest({ host: "127.0.0.1", port: httpPort, path, headers: { host: `localhost:${httpPort}` } }, (response) => {
      response.resume();
      response.on("end", () => done({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.alloc(0) }));
    });
    request.on("error", fail);
    request.end();
  });
}

/** The TLS version and cipher the server agrees to with a client limited by `options`, or the handshake's error. */
function handshake(options: ConnectionOptions): Promise<{ protocol: string | null; cipher: string } | { error: string }> {
  return new Promise((done) => {
    const socket = tlsConnect({ host: "127.0.0.1", port: httpsPort, servername: "localhost", ca: certificate, ...options }, () => {
      const result = { protocol: socket.getProtocol(), cipher: socket.getCipher().name };
      socket.end();
      done(result);
    });
    socket.on("error", (error: NodeJS.ErrnoException) => done({ error: error.code ?? error.message }));
  });
}

async function waitForServer(): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (nginx?.exitCode !== null) throw new Error(`nginx stopped: ${nginxLog}`);
    const result = await handshake({});
    if (!("error" in result)) return;
    if (Date.now() > deadline) throw new Error(`nginx does not answer on ${httpsPort}: ${result.error} ${nginxLog}`);
    await new Promise((wait) => setTimeout(wait, 200));
  }
}

/** nginx's own main configuration for the test, holding the kit's file as Debian's nginx.conf holds sites-enabled/. */
function mainConfiguration(): string {
  const temp = (name: string) => join(work, "nginx", name);
  return [
    "daemon off;",
    "worker_processes 1;",
    `pid ${temp("nginx.pid")};`,
    `error_log ${temp("error.log")} warn;`,
    "events { worker_connections 64; }",
    "http {",
    "  access_log off;",
    // Debian's build puts these under /var/lib/nginx: here, everything stays in the temporary folder.
    ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((kind) => `  ${kind}_temp_path ${temp(kind)};`),
    // As /etc/nginx/nginx.conf does: the kit must not depend on these defaults (it states its own types).
    "  include /etc/nginx/mime.types;",
    "  default_type application/octet-stream;",
    `  include ${join(out, "nginx", "ctg-suivi.conf")};`,
    "}",
    "",
  ].join("\n");
}

function nginxArgs(): string[] {
  return ["-p", `${join(work, "nginx")}/`, "-c", join(work, "nginx", "nginx.conf"), "-e", join(work, "nginx", "error.log")];
}

/** A new browser context where office.js is the fake host (or missing) and only the kit's server is reached. */
async function newContext(office: "fake" | "missing"): Promise<BrowserContext> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: "fr-FR", viewport: { width: 380, height: 900 } });
  // Chromium asks the user before a public site frames a local address (Local Network Access): the test's server is
  // on the loopback, so the permission is granted to both framing sites, leaving the decision to the kit's policy.
  for (const origin of [EXCEL_WEB, STRANGER]) await context.grantPermissions(["local-network-access"], { origin });
  const script = office === "fake" ? await fakeOfficeScript() : "";
  // Every frame records the policy violations it sees; a blocked frame is reported in the console instead.
  await context.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { __cspViolations: seen });
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI}`));
  });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) return office === "fake" ? route.fulfill({ contentType: "text/javascript", body: script }) : route.abort();
    for (const host of [EXCEL_WEB, STRANGER]) {
      if (url.startsWith(`${host}/`)) {
        const frame = `<!doctype html><html lang="fr"><title>cadre</title><iframe title="volet" src="${address}taskpane.html" style="width:360px;height:800px"></iframe></html>`;
        return route.fulfill({ contentType: "text/html", body: frame });
      }
    }
    if (url.startsWith(address)) return route.continue();
    return route.abort();
  });
  return context;
}

function consoleOf(page: Page): string[] {
  const lines: string[] = [];
  page.on("console", (message) => lines.push(message.text()));
  return lines;
}

/** Polls `read` until `accept` holds or 10 s pass, and returns the last value read (the assertion follows). */
async function settle<T>(read: () => Promise<T> | T, accept: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  let value = await read();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((wait) => setTimeout(wait, 100));
    value = await read();
  }
  return value;
}

const policyLines = (lines: string[]) => lines.filter((line) => /Content Security Policy/i.test(line));
const violations = (page: Page) => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

beforeAll(async () => {
  if (!existsSync(nginxBinary)) throw new Error(`nginx not found at ${nginxBinary}: install the Debian package nginx (.ci/run does it)`);
  if (!existsSync(join(schemaDir, "OfficeAppManifestV1_1.xsd"))) throw new Error(`Manifest schemas not found at ${schemaDir}`);
  mkdirSync(shots, { recursive: true });
  work = mkdtempSync(join(tmpdir(), "ctg-deploy-"));
  // nginx's workers drop to an unprivileged user when the test runs as root: they must be able to read the site.
  chmodSync(work, 0o755);
  out = join(work, "publication");
  [httpsPort, httpPort] = [await freePort(), await freePort()];
  address = `https://localhost:${httpsPort}/ctg/`;

  const certDir = join(work, "tls");
  mkdirSync(certDir);
  execFileSync(
    "openssl",
    [
      ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", "/CN=localhost"],
      ...["-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", join(certDir, "cle.pem"), "-out", join(certDir, "certificat.pem")],
    ],
    { stdio: "pipe" },
  );
  certificate = readFileSync(join(certDir, "certificat.pem"));

  // The command of deploy/INSTALLATION.md, with the paths of this machine in place of the server's.
  await promisify(execFile)(
    process.execPath,
    [
      join(root, "scripts", "build-deploy.mjs"),
      address,
      ...["--sortie", out, "--port-http", String(httpPort), "--dossier-serveur", join(out, "site")],
      ...["--certificat", join(certDir, "certificat.pem"), "--cle", join(certDir, "cle.pem"), "--schemas", schemaDir],
    ],
    { cwd: root, maxBuffer: 16 * 1024 * 1024 },
  );
  // Files of kinds the build does not emit yet, to check the types the configuration gives them.
  for (const name of ["sonde.svg", "sonde.json", "sonde.woff2", "sonde.css", "sonde.0123abcd.css"]) writeFileSync(join(out, "site", name), "x");

  mkdirSync(join(work, "nginx"));
  writeFileSync(join(work, "nginx", "nginx.conf"), mainConfiguration());
  nginx = spawn(nginxBinary, nginxArgs(), { stdio: ["ignore", "pipe", "pipe"] });
  nginx.stderr?.on("data", (chunk: Buffer) => (nginxLog += chunk.toString()));
  await waitForServer();
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (nginx && nginx.exitCode === null) {
    const stopped = new Promise((done) => nginx?.once("exit", done));
    nginx.kill("SIGQUIT");
    const timer = setTimeout(() => nginx?.kill("SIGKILL"), 10_000);
    await stopped;
    clearTimeout(timer);
  }
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the build for an address (npm run build:deploy)", () => {
  it.each([
    ["http://localhost/ctg/", /https:\/\//],
    ["https://localhost/ctg", /se terminer par « \/ »/],
    ["https://localhost/ctg/?vue=saisie", /ni « \? »/],
  ])("refuses %s in French before building anything", (refused, message) => {
    const target = join(work, `refus-${Math.random().toString(36).slice(2)}`);
    const result = spawnSync(process.execPath, [join(root, "scripts", "build-deploy.mjs"), refused, "--sortie", target], { cwd: root, encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(existsSync(target)).toBe(false);
  });

  it("leaves the site, the manifest and the nginx configuration filled in for the address", () => {
    expect(existsSync(join(out, "site", "taskpane.html"))).toBe(true);
    expect(readFileSync(join(out, "manifest.xml"), "utf8")).toBe(readFileSync(join(out, "site", "manifest.xml"), "utf8"));
    const conf = readFileSync(join(out, "nginx", "ctg-suivi.conf"), "utf8");
    expect(conf).not.toMatch(/@[A-Z_]+@/);
    expect(conf).toContain(`location /ctg/ {`);
    expect(conf).toContain(`listen ${httpsPort} ssl;`);
    const record = JSON.parse(readFileSync(join(out, "publication.json"), "utf8")) as { adresse: string; fichiers: string[] };
    expect(record.adresse).toBe(address);
    expect(record.fichiers).toEqual(expect.arrayContaining(["taskpane.html", "commands.html", "manifest.xml", "assets/icon-32.png"]));
  });

  it("gives a configuration Debian's nginx accepts without a warning", () => {
    const result = spawnSync(nginxBinary, ["-t", ...nginxArgs()], { encoding: "utf8" });
    const output = `${result.stdout}${result.stderr}`;
    expect(output).toContain("syntax is ok");
    expect(output).toContain("test is successful");
    expect(output).not.toMatch(/\[(warn|emerg|alert)\]/);
    expect(result.status).toBe(0);
  });
});

describe("nginx serving the kit over HTTPS", () => {
  it("hands out a manifest that validates against the schemas and points only to this address, where every URL answers", async () => {
    const manifest = await get("/ctg/manifest.xml");
    expect(manifest.status).toBe(200);
    const file = join(work, "manifest-servi.xml");
    writeFileSync(file, manifest.body);
    const lint = spawnSync("xmllint", ["--noout", "--schema", join(schemaDir, "OfficeAppManifestV1_1.xsd"), file], { encoding: "utf8" });
    if (lint.error) throw new Error(`xmllint cannot run (${lint.error.message}): install the Debian package libxml2-utils`);
    expect(`${lint.stdout}${lint.stderr}`).toContain("validates");
    expect(lint.status).toBe(0);

    const xml = manifest.body.toString("utf8");
    expect(xml).not.toContain("localhost:3000");
    expect([...xml.matchAll(/<AppDomain>([^<]*)</g)].map((match) => match[1])).toEqual([`https://localhost:${httpsPort}`]);
    const urls = [...xml.matchAll(/DefaultValue="(https:[^"]*)"/g), ...xml.matchAll(/<SourceLocation DefaultValue="([^"]*)"/g)].map((match) => match[1]);
    expect(urls.length).toBeGreaterThanOrEqual(15);
    for (const url of new Set(urls)) {
      expect(url.startsWith(address)).toBe(true);
      const answer = await get(new URL(url).pathname);
      expect([url, answer.status]).toEqual([url, 200]);
    }
  });

  it("serves each kind of file with its MIME type, the hashed scripts cached a year and the rest revalidated", async () => {
    const html = await get("/ctg/taskpane.html");
    const scripts = [...html.body.toString("utf8").matchAll(SCRIPT_SRC)].map((match) => match[1]);
    const own = scripts.filter((src) => !src.startsWith("https://"));
    expect(scripts).toContain(OFFICE_JS);
    expect(own.length).toBeGreaterThan(0);
    for (const src of own) expect(src).toMatch(/\.[0-9a-f]{8}\.js$/);

    const expected: [string, string, string][] = [
      ["/ctg/taskpane.html", "text/html; charset=utf-8", "no-cache"],
      ["/ctg/", "text/html; charset=utf-8", "no-cache"],
      ["/ctg/commands.html", "text/html; charset=utf-8", "no-cache"],
      ["/ctg/aide.html", "text/html; charset=utf-8", "no-cache"],
      ["/ctg/manifest.xml", "application/xml; charset=utf-8", "no-cache"],
      ["/ctg/assets/icon-32.png", "image/png", "no-cache"],
      ...own.map((src): [string, string, string] => [new URL(src, address).pathname, "text/javascript; charset=utf-8", "public, max-age=31536000, immutable"]),
      ["/ctg/sonde.svg", "image/svg+xml; charset=utf-8", "no-cache"],
      ["/ctg/sonde.json", "application/json; charset=utf-8", "no-cache"],
      ["/ctg/sonde.woff2", "font/woff2", "no-cache"],
      ["/ctg/sonde.css", "text/css; charset=utf-8", "no-cache"],
      ["/ctg/sonde.0123abcd.css", "text/css; charset=utf-8", "public, max-age=31536000, immutable"],
    ];
    for (const [path, type, cache] of expected) {
      const answer = await get(path);
      expect([path, answer.status, answer.headers["content-type"], answer.headers["cache-control"]]).toEqual([path, 200, type, cache]);
    }
  });

  it("sends the security headers on every answer, errors included, and a policy that lets Office load and frame the pane", async () => {
    for (const path of ["/ctg/taskpane.html", "/ctg/manifest.xml", "/ctg/absent.js", "/ailleurs"]) {
      const answer = await get(path);
      expect([path, answer.status]).toEqual([path, path.includes("absent") || path === "/ailleurs" ? 404 : 200]);
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
      expect(answer.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(answer.headers["strict-transport-security"]).toMatch(/^max-age=\d{8}/);
      expect(answer.headers["x-frame-options"]).toBeUndefined();
      const policy = new Map(
        String(answer.headers["content-security-policy"])
          .split(";")
          .map((part) => part.trim().split(/\s+/))
          .map(([name, ...values]) => [name, values]),
      );
      expect(policy.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
      expect(policy.get("object-src")).toEqual(["'none'"]);
      expect(policy.get("frame-ancestors")).toEqual(expect.arrayContaining(["'self'", "https://*.officeapps.live.com", "https://*.sharepoint.com"]));
    }
  });

  it("compresses the scripts", async () => {
    const html = (await get("/ctg/taskpane.html")).body.toString("utf8");
    const main = [...html.matchAll(SCRIPT_SRC)].map((match) => match[1]).find((src) => /^taskpane\.[0-9a-f]{8}\.js$/.test(src))!;
    const plain = await get(new URL(main, address).pathname);
    const zipped = await get(new URL(main, address).pathname, { "accept-encoding": "gzip" });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers.vary).toBe("Accept-Encoding");
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    console.log(`taskpane script: ${plain.body.length} bytes, ${zipped.body.length} over gzip`);
    expect(zipped.body.length).toBeLessThan(plain.body.length / 2);
  });

  it("redirects HTTP to the same address over HTTPS", async () => {
    const answer = await getPlainHttp("/ctg/taskpane.html?vue=saisie");
    expect(answer.status).toBe(301);
    expect(answer.headers.location).toBe(`https://localhost:${httpsPort}/ctg/taskpane.html?vue=saisie`);
  });

  it("speaks TLS 1.3 and 1.2, the latter only with forward-secret authenticated ciphers", async () => {
    expect(await handshake({})).toMatchObject({ protocol: "TLSv1.3" });
    const tls12 = await handshake({ maxVersion: "TLSv1.2" });
    expect(tls12).toMatchObject({ protocol: "TLSv1.2" });
    expect("cipher" in tls12 ? tls12.cipher : "").toMatch(/^ECDHE-(ECDSA|RSA)-(AES\d+-GCM-SHA\d+|CHACHA20-POLY1305)$/);
    // A TLS 1.2 client offering only a CBC cipher (which OpenSSL itself still allows) is turned away by the server.
    expect(await handshake({ maxVersion: "TLSv1.2", ciphers: "ECDHE-ECDSA-AES128-SHA256" })).toEqual({ error: expect.stringMatching(/HANDSHAKE_FAILURE/) });
  });
});

describe("the pane loaded from the kit's server in Chromium", () => {
  it("renders and sets up a tableau as desktop Excel opens it, on Microsoft's runtime and the fake host, with no policy violation", async () => {
    const context = await newContext("fake");
    const page = await context.newPage();
    const lines = consoleOf(page);
    await page.goto(`${address}taskpane.html`);
    await page.getByRole("heading", { name: paneLabels.setup.heading }).waitFor();
    await page.screenshot({ path: join(shots, "volet-servi-par-nginx.png") });
    // The set-up runs under the policy as it would in Excel: the sample plan written through Microsoft's runtime.
    await page.getByRole("textbox", { name: new RegExp(paneLabels.setup.fields.territory) }).fill("CC Monts, Rance et Rougier");
    await page.getByRole("button", { name: paneLabels.setup.create }).click();
    await page.getByRole("tab", { name: paneLabels.app.tabs.tableau }).waitFor();
    expect(await violations(page)).toEqual([]);
    expect(policyLines(lines)).toEqual([]);
    await context.close();
  });

  it("outside Office, says where to open it", async () => {
    const context = await newContext("missing");
    const page = await context.newPage();
    const lines = consoleOf(page);
    await page.goto(`${address}taskpane.html?vue=saisie`);
    await page.getByText(paneLabels.app.outsideExcel).waitFor();
    expect(await violations(page)).toEqual([]);
    expect(policyLines(lines)).toEqual([]);
    await context.close();
  });

  it("renders in a frame of Excel on the web, and is refused in a frame of another site", async () => {
    const context = await newContext("fake");
    const page = await context.newPage();
    const lines = consoleOf(page);
    await page.goto(`${EXCEL_WEB}/classeur.html`);
    const frame = page.frameLocator("iframe");
    await frame.getByRole("heading", { name: paneLabels.setup.heading }).waitFor();
    expect(policyLines(lines)).toEqual([]);

    const stranger = await context.newPage();
    const strangerLines = consoleOf(stranger);
    await stranger.goto(`${STRANGER}/piege.html`);
    expect(
      await settle(
        () => policyLines(strangerLines).join("\n"),
        (text) => text.length > 0,
      ),
    ).toMatch(/frame-ancestors/);
    const child = stranger.frames().find((candidate) => candidate !== stranger.mainFrame());
    expect(await child?.locator("#root").count()).toBe(0);
    await context.close();
  });

  it("reports what the policy forbids, so the checks above can fail", async () => {
    const context = await newContext("fake");
    const page = await context.newPage();
    const lines = consoleOf(page);
    await page.goto(`${address}taskpane.html`);
    await page.getByRole("heading", { name: paneLabels.setup.heading }).waitFor();
    const ran = await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.__inlineRan = true";
      document.head.append(script);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
    expect(
      await settle(
        () => violations(page),
        (seen) => seen.length > 0,
      ),
    ).toEqual([expect.stringMatching(/^script-src-elem inline/)]);
    expect(policyLines(lines).length).toBeGreaterThan(0);
    await context.close();
  });
});
