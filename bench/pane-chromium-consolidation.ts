/**
 * The pane's consolidation of 100 territories in headless Chromium: the production bundle, the fake host behind
 * Microsoft's runtime, the files picked through the real file chooser. Prints the time, the per-file progress the
 * pane showed, how long the main thread was ever held (long tasks: the pane must stay responsive and cancellable),
 * and the JavaScript heap of the page, sampled through the DevTools protocol.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { launchChromium, openPane, projectRoot, serveDist } from "../tests/e2e/support/pane-server";
import { territories } from "./national-consolidation";

export async function paneChromiumConsolidationFigures(count: number): Promise<Record<string, unknown>[]> {
  if (!existsSync(join(projectRoot(), "dist", "taskpane.html")))
    return [{ figure: "pane_consolidation_chromium", skipped: "dist/ absent : lancez npm run build" }];
  if (!existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium")) return [{ figure: "pane_consolidation_chromium", skipped: "Chromium absent" }];
  const files = (await territories(Math.max(count, 1000))).slice(0, count);
  const server = await serveDist();
  const browser = await launchChromium();
  let sampling = true;
  try {
    // The fake workbook answers from a worker, as Excel answers from outside the pane: the figures are the pane's.
    const page = await openPane(browser, server.url, "?vue=consolider&hote=worker");
    const panel = page.getByRole("region", { name: "Consolidation des territoires" });
    await panel.waitFor();
    await page.evaluate(() => {
      const long: { start: number; duration: number }[] = [];
      (window as unknown as { __longTasks: typeof long }).__longTasks = long;
      new PerformanceObserver((list) => list.getEntries().forEach((entry) => long.push({ start: entry.startTime, duration: entry.duration }))).observe({
        type: "longtask",
        buffered: true,
      });
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    if (process.env.CTG_BENCH_PANE_DEBUG) {
      page.on("console", (message) => {
        if (message.text().startsWith("RUN")) console.error(message.text().slice(0, 3000));
      });
      await page.evaluate(() => {
        Error.stackTraceLimit = 60;
        const excel = (window as unknown as { Excel: { run: (...args: unknown[]) => Promise<unknown> } }).Excel;
        const run = excel.run.bind(excel);
        excel.run = (...args: unknown[]) =>
          run(...args).catch((error: unknown) => {
            console.error(`RUN ${error instanceof Error ? error.stack : String(error)}`);
            throw error;
          });
      });
      await cdp.send("Debugger.enable");
      await cdp.send("Debugger.setPauseOnExceptions", { state: "all" });
      cdp.on("Debugger.paused", (event) => {
        const data = event.data as { description?: string } | undefined;
        if (data?.description?.includes("call stack")) {
          console.error(
            event.callFrames
              .slice(0, 12)
              .map((frame) => `${frame.functionName} ${frame.url.split("/").pop()}:${frame.location.lineNumber}:${frame.location.columnNumber ?? 0}`)
              .join("\n"),
          );
        }
        void cdp.send("Debugger.resume");
      });
    }
    const chooser = page.waitForEvent("filechooser");
    await panel.getByRole("button", { name: "Choisir des fichiers…" }).click();
    await (await chooser).setFiles(files);
    await panel.getByRole("button", { name: `Consolider ${count} fichiers` }).waitFor();

    let heapPeak = 0;
    // The peak while the files were read, before the write: what the rows kept for the write cost.
    let heapWhenRead = 0;
    const progress = new Set<string>();
    const sampler = (async () => {
      while (sampling) {
        const { metrics } = (await cdp.send("Performance.getMetrics")) as { metrics: { name: string; value: number }[] };
        heapPeak = Math.max(heapPeak, metrics.find((metric) => metric.name === "JSHeapUsedSize")?.value ?? 0);
        const shown = await page.evaluate(() => document.body.innerText.match(/Fichier \d+ sur \d+|Écriture de la consolidation/)?.[0] ?? "");
        if (shown.startsWith("Fichier")) progress.add(shown);
        else if (shown && !heapWhenRead) heapWhenRead = heapPeak;
        await new Promise((done) => setTimeout(done, 100));
      }
    })().catch(() => undefined);
    const start = performance.now();
    // Only the batch's tasks: loading the page and handing it the files are not the consolidation.
    const clicked = await page.evaluate(() => window.performance.now());
    await panel.getByRole("button", { name: `Consolider ${count} fichiers` }).click();
    try {
      await panel.getByText(/Consolidation écrite : /).waitFor({ timeout: Number(process.env.CTG_BENCH_PANE_TIMEOUT_MS ?? 15 * 60_000) });
    } catch (error) {
      // What the pane shows when it did not finish: kept beside the other screens for whoever reads the figure.
      await page.screenshot({ path: join(projectRoot(), "test-output", "bench-pane-consolidation.png"), fullPage: true }).catch(() => undefined);
      const said = await page
        .locator(".fui-MessageBar")
        .allInnerTexts()
        .catch(() => []);
      throw new Error(`${error instanceof Error ? error.message.split("\n")[0] : String(error)} — le volet affiche : ${said.join(" | ")}`);
    }
    const totalMs = performance.now() - start;
    sampling = false;
    await sampler;
    const { metrics } = (await cdp.send("Performance.getMetrics")) as { metrics: { name: string; value: number }[] };
    const heapEnd = metrics.find((metric) => metric.name === "JSHeapUsedSize")?.value ?? 0;
    // What the pane still holds once the batch is written: must not grow with the batch.
    await cdp.send("HeapProfiler.collectGarbage");
    const live = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
    const long = (await page.evaluate(() => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks))
      .filter((task) => task.start >= clicked)
      .map((task) => {
        if (process.env.CTG_BENCH_PANE_DEBUG && task.duration > 100)
          console.error(`long task at +${Math.round(task.start - clicked)} ms: ${Math.round(task.duration)} ms`);
        return task.duration;
      });
    return [
      {
        figure: "pane_consolidation_chromium",
        files: count,
        total_ms: Math.round(totalMs),
        progress_states_seen: progress.size,
        longest_task_ms: Math.round(Math.max(0, ...long)),
        tasks_over_200_ms: long.filter((duration) => duration > 200).length,
        goal_longest_task_ms: 200,
        js_heap_peak_mb: Math.round(heapPeak / 1048576),
        js_heap_peak_reading_mb: Math.round(heapWhenRead / 1048576),
        js_heap_end_mb: Math.round(heapEnd / 1048576),
        js_heap_live_after_mb: Math.round(live.usedSize / 1048576),
        note: "fake host in a worker: Excel's own time to apply the writes and its memory are not in the pane's figures",
      },
    ];
  } finally {
    sampling = false;
    await browser.close();
    await server.close();
  }
}
