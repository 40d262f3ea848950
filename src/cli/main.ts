/** Entry point of the `ctg` command line. */
import { parseArgs } from "node:util";
import type { Clock, Console } from "./commands";
import { EXIT_CODES } from "../domain/refusal";
import { cliLabels, collectionLabels } from "../labels/catalog";
import { outcomeOf } from "../services/outcome";
import { consolidateCommand, type Terminal } from "./consolidate";
import { CliError } from "./io";
import { registerNodeInflate } from "../xlsx/node-inflate";

/**
 * The commands that write tableaux, bilans and decks load the writer and pptxgenjs: loaded only when one of them runs,
 * so that `ctg consolidate`, which needs neither, starts light (about 50 Mo less) on a national batch.
 */
function commands(): Promise<typeof import("./commands")> {
  return import("./commands");
}

function collection(): Promise<typeof import("./collect")> {
  return import("./collect");
}

export async function run(argv: string[], io: Console, clock: Clock = { now: () => new Date() }, terminal?: Terminal): Promise<number> {
  registerNodeInflate();
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "init": {
        const { values } = parseArgs({
          args: rest,
          options: { plan: { type: "string" }, out: { type: "string" }, update: { type: "boolean" } },
          allowPositionals: false,
        });
        return await (await commands()).initCommand(values, io, clock);
      }
      case "check": {
        const { values, positionals } = parseArgs({ args: rest, options: { json: { type: "boolean" } }, allowPositionals: true });
        if (positionals.length !== 1) throw new CliError(cliLabels.check.usage, EXIT_CODES.refused);
        return await (await commands()).checkCommand({ file: positionals[0], json: values.json }, io, clock);
      }
      case "import": {
        const { values, positionals } = parseArgs({ args: rest, options: { out: { type: "string" }, report: { type: "string" } }, allowPositionals: true });
        if (positionals.length !== 1) throw new CliError(cliLabels.import.usage, EXIT_CODES.refused);
        return await (await commands()).importCommand({ file: positionals[0], ...values }, io);
      }
      case "bilan": {
        const { values, positionals } = parseArgs({
          args: rest,
          options: {
            kind: { type: "string" },
            year: { type: "string" },
            until: { type: "string" },
            cdsf: { type: "boolean" },
            provisoire: { type: "boolean" },
            indicator: { type: "string" },
            json: { type: "boolean" },
            out: { type: "string" },
          },
          allowPositionals: true,
        });
        return await (await commands()).bilanCommand({ file: positionals[0], ...values }, io, clock);
      }
      case "consolidate": {
        const { values, positionals } = parseArgs({ args: rest, options: { out: { type: "string" }, report: { type: "string" } }, allowPositionals: true });
        return await consolidateCommand({ files: positionals, ...values }, io, clock, terminal);
      }
      case "collect": {
        const { values, positionals } = parseArgs({
          args: rest,
          options: { quarter: { type: "string" }, out: { type: "string" }, by: { type: "string" } },
          allowPositionals: true,
        });
        if (positionals.length !== 1) throw new CliError(collectionLabels.cli.collectUsage, EXIT_CODES.refused);
        return await (await collection()).collectCommand({ file: positionals[0], ...values }, io, clock);
      }
      case "merge": {
        const { values, positionals } = parseArgs({
          args: rest,
          options: { quarter: { type: "string" }, by: { type: "string" }, report: { type: "string" } },
          allowPositionals: true,
        });
        const [file, ...returns] = positionals;
        return await (await collection()).mergeCommand({ file, returns, ...values }, io, clock);
      }
      case "demo": {
        const { values } = parseArgs({ args: rest, options: { out: { type: "string" } } });
        return await (await commands()).demoCommand(values, io, clock);
      }
      case "sample-plan": {
        const { values } = parseArgs({ args: rest, options: { out: { type: "string" } } });
        return await (await commands()).samplePlanCommand(values, io);
      }
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.out(cliLabels.usage);
        return command === undefined ? EXIT_CODES.refused : EXIT_CODES.ok;
      default:
        io.err(cliLabels.unknownCommand(command));
        return EXIT_CODES.refused;
    }
  } catch (error) {
    // A mistyped option is told with the usage, which the user needs next.
    if (error instanceof TypeError && (error as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(cliLabels.invalidOption(error.message));
      return EXIT_CODES.refused;
    }
    const { message, exitCode } = outcomeOf(error, "cli");
    io.err(message);
    return exitCode;
  }
}

if (require.main === module) {
  run(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) }, undefined, {
    isTTY: Boolean(process.stderr.isTTY),
    write: (text) => process.stderr.write(text),
  }).then((code) => {
    process.exitCode = code;
  });
}
