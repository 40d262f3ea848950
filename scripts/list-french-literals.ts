/** `npm run labels:list [folder…]`: the French texts still written outside the catalogue, one per line. */
import { frenchLiterals } from "./french-literals";
import { allowedLiterals } from "./allowed-literals";

const found = frenchLiterals(process.cwd(), allowedLiterals(), process.argv.slice(2).length > 0 ? process.argv.slice(2) : ["src"]);
for (const literal of found) console.log(`${literal.file}:${literal.line}  ${literal.text}`);
console.log(`${found.length} texte(s) hors du catalogue`);
process.exitCode = found.length > 0 ? 1 : 0;
