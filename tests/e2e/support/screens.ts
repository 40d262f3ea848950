/** A screen of the pane saved as a PNG (look at them) and checked with axe-core against WCAG 2.1 AA. */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { projectRoot } from "./pane-server";

/**
 * `fullPage`: the whole page (the default), or what the pane shows at its current scroll, for a dialog: a modal
 * dialog stays fixed in the window, and a full-page picture would draw it half over the page.
 */
export async function screenCheck(page: Page, shots: string, name: string, fullPage = true): Promise<void> {
  const size = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  if (fullPage && size && height > size.height) {
    // The window is made as tall as the page: a footer kept in view (position: sticky) is drawn at the end of the page,
    // where it then is, rather than over the middle of a picture taken in several strips.
    await page.setViewportSize({ width: size.width, height });
    await page.screenshot({ path: join(shots, `${name}.png`) });
    await page.setViewportSize(size);
  } else {
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage });
  }
  await page.addScriptTag({ path: join(projectRoot(), "node_modules/axe-core/axe.min.js") });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }
    ).axe;
    // Fluent UI's focus manager (tabster) adds 1-px <i data-tabster-dummy> sentinels that hand focus straight on to
    // the next real control: they are never a place a keyboard user stays, so axe's aria-hidden-focus rule does not
    // apply to them.
    const result = await axe.run({ exclude: [["[data-tabster-dummy]"]] } as unknown as Document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map(
        (violation) =>
          `${violation.id} (${violation.nodes.length}): ${JSON.stringify(violation.nodes.map((node) => (node as { html: string }).html.slice(0, 160)))}`,
      );
  });
  expect({ screen: name, violations }).toEqual({ screen: name, violations: [] });
}
