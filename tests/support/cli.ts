/** The `ctg` command line run in the test's process, its output gathered, at a fixed date. */
import { run } from "../../src/cli/main";

export type CtgResult = { code: number; out: string; err: string };

export function ctgAt(date: string): (...args: string[]) => Promise<CtgResult> {
  const clock = { now: () => new Date(date) };
  return async (...args) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await run(args, { out: (line) => out.push(line), err: (line) => err.push(line) }, clock);
    return { code, out: out.join("\n"), err: err.join("\n") };
  };
}
