// The layers of docs/conventions.md and DESIGN.md §3, as import rules: CI fails on a forbidden import.
// Each folder lists what it may NOT import; `labels` is the leaf every layer may use.
import tseslint from "typescript-eslint";

const NODE = ["node:*", "fs", "fs/*", "path", "os", "child_process", "zlib", "util", "readline", "stream", "crypto"];
const UI = ["react", "react-dom", "react-dom/*", "@fluentui/*"];
const FILE_LIBRARIES = ["jszip", "saxes", "pptxgenjs", "mammoth"];

/** `../layer/**` patterns for the folders a layer must not reach. */
const layers = (...names) => names.flatMap((name) => [`../${name}`, `../${name}/*`, `../../${name}`, `../../${name}/*`]);

const forbid = (files, patterns, why) => ({
  files,
  rules: { "no-restricted-imports": ["error", { patterns: [{ group: patterns, message: why }] }] },
});

const OFFICE_GLOBALS = ["Office", "Excel", "OfficeExtension"].map((name) => ({
  name,
  message: "Seul src/excel parle à Office.js (DESIGN.md §3) : passez par une fonction de src/excel.",
}));

export default tseslint.config(
  { ignores: ["dist/**", "build/**", "publication/**", "node_modules/**", "coverage/**", "demo/**", "tests/corpus/**"] },
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "no-restricted-globals": ["error", ...OFFICE_GLOBALS],
    },
  },
  forbid(
    ["src/labels/**"],
    ["../*", "./*/**", ...NODE, ...UI, ...FILE_LIBRARIES, "zod"],
    "Le catalogue des libellés ne dépend de rien : il ne contient que des textes et des fonctions qui les composent.",
  ),
  forbid(
    ["src/domain/**"],
    [...layers("import", "workbook", "excel", "xlsx", "report", "services", "taskpane", "commands", "cli", "samples"), ...NODE, ...UI, ...FILE_LIBRARIES],
    "Le domaine est pur : il ne connaît que lui-même, zod et le catalogue des libellés.",
  ),
  forbid(
    ["src/workbook/**"],
    [...layers("import", "excel", "xlsx", "report", "services", "taskpane", "commands", "cli", "samples"), ...NODE, ...UI, ...FILE_LIBRARIES],
    "Le contrat du classeur (src/workbook) est fait de données : pas d'adaptateur, pas de bibliothèque de fichiers.",
  ),
  forbid(
    ["src/import/**"],
    // The .docx guard reuses the archive reader of src/xlsx (zip-archive, zip-guard), nothing else of it.
    [
      ...layers("workbook", "excel", "report", "services", "taskpane", "commands", "cli", "samples"),
      "../xlsx/*",
      "!../xlsx/zip-archive",
      "!../xlsx/zip-guard",
      ...NODE,
      ...UI,
      "jszip",
      "pptxgenjs",
    ],
    "L'import d'un répertoire produit un plan : il ne dépend que du domaine (et du lecteur d'archives pour les .docx).",
  ),
  forbid(
    ["src/excel/**"],
    [...layers("import", "xlsx", "report", "services", "taskpane", "commands", "cli", "samples"), ...NODE, ...UI, ...FILE_LIBRARIES],
    "src/excel exécute les plans du classeur sur Office.js : ni fichiers, ni interface, ni Node.",
  ),
  forbid(
    ["src/xlsx/**"],
    [...layers("import", "excel", "report", "services", "taskpane", "commands", "cli", "samples"), ...UI, "pptxgenjs", "mammoth"],
    "src/xlsx exécute les plans du classeur sur des fichiers : il ne connaît ni Office.js ni l'interface.",
  ),
  {
    // The pane reads files in the browser with the same reader: only the modules of the command line touch Node.
    ...forbid(
      ["src/xlsx/**"],
      [...layers("import", "excel", "report", "services", "taskpane", "commands", "cli", "samples"), ...UI, "pptxgenjs", "mammoth", ...NODE],
      "src/xlsx ne connaît ni Office.js ni l'interface, et seuls file-source, node-inflate, stream-workbook et node-zip (ligne de commande) utilisent Node.",
    ),
    ignores: ["src/xlsx/file-source.ts", "src/xlsx/node-inflate.ts", "src/xlsx/stream-workbook.ts", "src/xlsx/node-zip.ts"],
  },
  forbid(
    ["src/report/**"],
    [...layers("import", "excel", "xlsx", "services", "taskpane", "commands", "cli", "samples"), ...NODE, ...UI, "mammoth"],
    "Les sorties du bilan (src/report) se calculent depuis le domaine et le contrat du classeur.",
  ),
  forbid(
    ["src/services/**"],
    [...layers("excel", "taskpane", "commands", "cli"), ...NODE, ...UI],
    "Les services partagés par la ligne de commande et le volet ne dépendent d'aucun des deux, ni d'Office.js, ni de Node.",
  ),
  forbid(
    ["src/taskpane/**"],
    [...layers("cli", "commands", "xlsx"), "../excel/*", ...NODE, ...FILE_LIBRARIES],
    "Le volet passe par src/excel (son index) et par les services ; il ne lit pas de fichier lui-même et ne touche pas à la ligne de commande.",
  ),
  forbid(["src/cli/**"], [...layers("excel", "taskpane", "commands"), ...UI], "La ligne de commande travaille sur des fichiers : ni Office.js, ni interface."),
  forbid(
    ["src/samples/**"],
    [...layers("import", "excel", "xlsx", "report", "services", "taskpane", "commands", "cli"), ...NODE, ...UI, ...FILE_LIBRARIES],
    "Les exemples sont des données du domaine.",
  ),
  {
    // The Office.js executor and the ribbon's function file are the only code that speaks to Office.js.
    files: ["src/excel/**", "src/commands/**", "tests/**", "bench/**"],
    rules: { "no-restricted-globals": "off" },
  },
);
