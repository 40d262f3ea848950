/**
 * Time to first render of the pane in headless Chromium (production bundle, fake host) and the gzipped size of the
 * JavaScript that dist/taskpane.html loads at start.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { launchChromium, openPane, projectRoot, serveDist } from "../tests/e2e/support/pane-server";

const root = projectRoot();

export async function taskpaneFigures(): Promise<Record<string, unknown>[]> {
  const dist = join(root, "dist");
  if (!existsSync(join(dist, "taskpane.html"))) return [{ figure: "taskpane", skipped: "dist/ absent : lancez npm run build avant npm run bench" }];
  const html = readFileSync(join(dist, "taskpane.html"), "utf8");
  const scripts = [...html.matchAll(/<script[^>]*\bsrc="?([^"\s>]+)"?/g)].map((match) => match[1]).filter((src) => !src.startsWith("http"));
  const gzipped = scripts.reduce((sum, src) => sum + gzipSync(readFileSync(join(dist, src))).length, 0);
  const figures: Record<string, unknown>[] = [{ figure: "taskpane_start_js_gzip_kb", kb: Math.round(gzipped / 1024), goal_kb: 300, scripts }];
  if (!existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium")) return [...figures, { figure: "taskpane_first_render_ms", skipped: "Chromium absent" }];
  const server = await serveDist();
  const browser = await launchChromium();
  try {
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      const page = await openPane(browser, server.url);
      await page.getByRole("heading", { name: "Créer le tableau de suivi" }).waitFor();
      // The page's own clock starts at navigation: this is the time until the first screen is usable.
      times.push(await page.evaluate(() => performance.now()));
      await page.close();
    }
    times.sort((a, b) => a - b);
    figures.push({
      figure: "taskpane_first_render_ms",
      median_ms: Math.round(times[2]),
      min_ms: Math.round(times[0]),
      note: "from navigation to the set-up wizard shown, page clock, fake host",
    });
  } finally {
    await browser.close();
    await server.close();
  }
  return figures;
}
