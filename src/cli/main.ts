/** Entry point of the `ctg` command line. */
import { parseArgs } from "node:util";
import { bilanCommand, checkCommand, demoCommand, importCommand, initCommand, samplePlanCommand, type Clock, type Console } from "./commands";
import { consolidateCommand, type Terminal } from "./consolidate";
import { CliError } from "./io";

const USAGE = `CTG Suivi — tableau de suivi partagé des Conventions territoriales globales

Usage :
  ctg init --plan PLAN.json --out FICHIER.xlsx [--update]
        Crée le tableau de suivi d'un plan d'actions ; avec --update, met à jour la structure
        d'un tableau existant en gardant toutes les saisies (copie de sauvegarde à côté).
  ctg check FICHIER.xlsx [--json]
        Vérifie un tableau rempli : chaque problème avec sa feuille et sa cellule.
        Code de sortie : 0 sans erreur, 1 avec erreurs, 2 si le fichier est illisible.
  ctg bilan FICHIER.xlsx --kind annual --year 2026 | --kind midterm [--until 2028-T4] | --kind final [--cdsf] [--indicator ID] (--out DOSSIER | --json)
        Calcule le point d'étape annuel, le bilan intermédiaire ou le bilan final (--cdsf : partie petite enfance) ;
        --out écrit DOSSIER/bilan-….xlsx (tableaux) et DOSSIER/copil-….pptx (présentation COPIL, graphiques natifs) ;
        --indicator choisit l'indicateur dont la présentation montre l'évolution ; --json affiche le bilan en JSON.
  ctg consolidate FICHIER.xlsx… --out CONSOLIDATION.xlsx [--report RAPPORT.json]
        Vérifie et fusionne les tableaux de plusieurs territoires (fichiers jamais modifiés) : synthèse par territoire
        et par champ, statuts et indicateurs en tables longues, rapport d'import. Un territoire déjà consolidé est
        remplacé par son nouveau fichier. Code de sortie 0 si au moins un fichier est accepté.
  ctg demo [--out DOSSIER]
        Écrit DOSSIER/suivi-ctg-demo.xlsx (par défaut demo/) à partir du plan d'exemple, avec deux trimestres saisis,
        son point d'étape 2026 et sa présentation COPIL.
  ctg import REPERTOIRE.txt --out PLAN.json [--report RAPPORT.json]
        Lit un répertoire des fiches actions (texte) et en fait un plan JSON, avec les incohérences relevées.
  ctg sample-plan [--out PLAN.json]
        Écrit le plan d'exemple (CC Monts, Rance et Rougier, 2026-2030) au format JSON.
`;

export async function run(argv: string[], io: Console, clock: Clock = { now: () => new Date() }, terminal?: Terminal): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "init": {
        const { values } = parseArgs({ args: rest, options: { plan: { type: "string" }, out: { type: "string" }, update: { type: "boolean" } }, allowPositionals: false });
        return await initCommand(values, io, clock);
      }
      case "check": {
        const { values, positionals } = parseArgs({ args: rest, options: { json: { type: "boolean" } }, allowPositionals: true });
        if (positionals.length !== 1) throw new CliError("Usage : ctg check FICHIER.xlsx [--json]", 2);
        return await checkCommand({ file: positionals[0], json: values.json }, io, clock);
      }
      case "import": {
        const { values, positionals } = parseArgs({ args: rest, options: { out: { type: "string" }, report: { type: "string" } }, allowPositionals: true });
        if (positionals.length !== 1) throw new CliError("Usage : ctg import REPERTOIRE.(txt|docx) --out PLAN.json [--report RAPPORT.json]", 2);
        return await importCommand({ file: positionals[0], ...values }, io);
      }
      case "bilan": {
        const { values, positionals } = parseArgs({
          args: rest,
          options: { kind: { type: "string" }, year: { type: "string" }, until: { type: "string" }, cdsf: { type: "boolean" }, indicator: { type: "string" }, json: { type: "boolean" }, out: { type: "string" } },
          allowPositionals: true,
        });
        return await bilanCommand({ file: positionals[0], ...values }, io, clock);
      }
      case "consolidate": {
        const { values, positionals } = parseArgs({ args: rest, options: { out: { type: "string" }, report: { type: "string" } }, allowPositionals: true });
        return await consolidateCommand({ files: positionals, ...values }, io, clock, terminal);
      }
      case "demo": {
        const { values } = parseArgs({ args: rest, options: { out: { type: "string" } } });
        return await demoCommand(values, io, clock);
      }
      case "sample-plan": {
        const { values } = parseArgs({ args: rest, options: { out: { type: "string" } } });
        return await samplePlanCommand(values, io);
      }
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        io.err(`Commande inconnue : « ${command} ».\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.err(error.message);
      return error.exitCode;
    }
    if (error instanceof TypeError && (error as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(`Option invalide : ${error.message}\n\n${USAGE}`);
      return 2;
    }
    io.err(`Erreur inattendue : ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

if (require.main === module) {
  run(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) }, undefined, { isTTY: Boolean(process.stderr.isTTY), write: (text) => process.stderr.write(text) }).then((code) => {
    process.exitCode = code;
  });
}
