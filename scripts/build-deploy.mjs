// The deployment kit of deploy/INSTALLATION.md: builds the add-in for one public HTTPS address and leaves in one
// folder what a Caf's IT copies to its server (site/), the manifest it hands to Office (manifest.xml) and the nginx
// configuration of deploy/nginx/ filled in for that address (nginx/ctg-suivi.conf).
// Usage: npm run build:deploy -- https://serveur.exemple.fr/ctg/ [--sortie DOSSIER] [--dossier-serveur DOSSIER]
//        [--certificat FICHIER] [--cle FICHIER] [--port-http PORT] [--schemas DOSSIER]
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const TEMPLATE = join(root, "deploy", "nginx", "ctg-suivi.conf");
const EXAMPLE = "https://ctg.caf-exemple.fr/ctg/";
/** Written in every output folder, so that a later run knows the folder is its own and may replace it. */
const RECORD = "publication.json";

/** A refusal the person running the command can act on: French message, exit code 2 (bad input) or 1 (failed build). */
class Refused extends Error {
  constructor(message, exitCode = 2) {
    super(message);
    this.exitCode = exitCode;
  }
}

/**
 * The address Office will load the add-in from. It must be HTTPS (Office loads no add-in over HTTP) and name a folder
 * (trailing slash), because every file of the build is resolved under it; nothing else may ride along, since it goes
 * verbatim into the manifest and into nginx's `location`.
 */
function checkAddress(text) {
  if (!text) throw new Refused(`Indiquez l'adresse publique du complément : npm run build:deploy -- ${EXAMPLE} (ou la variable CTG_PUBLIC_URL).`);
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Refused(`« ${text} » n'est pas une adresse web : écrivez-la en entier, par exemple ${EXAMPLE}`);
  }
  if (url.protocol !== "https:") throw new Refused(`L'adresse doit commencer par https:// (« ${text} ») : Office ne charge un complément qu'en HTTPS.`);
  if (url.search || url.hash || text.includes("?") || text.includes("#") || url.username || url.password || /\/\.\.?(\/|$)/.test(text)) {
    throw new Refused(
      `L'adresse ne doit contenir ni « ? », ni « # », ni identifiant, ni « . » ou « .. » entre des « / » (« ${text} ») : seulement https://, le nom du serveur, son port éventuel et le chemin.`,
    );
  }
  if (!text.endsWith("/") || !url.pathname.endsWith("/")) {
    throw new Refused(
      `L'adresse doit se terminer par « / » (« ${text} ») : c'est le dossier où sont servis les fichiers du complément, par exemple ${EXAMPLE}`,
    );
  }
  if (!/^[a-z0-9.-]+$/.test(url.hostname)) {
    throw new Refused(`Le nom du serveur « ${url.hostname} » ne doit contenir que des lettres sans accent, des chiffres, « - » et « . ».`);
  }
  if (!/^\/([A-Za-z0-9._~-]+\/)*$/.test(url.pathname) || url.pathname.split("/").some((part) => part === "." || part === "..")) {
    throw new Refused(
      `Le chemin « ${url.pathname} » ne doit contenir que des lettres sans accent, des chiffres et « - », « _ », « . », « ~ » entre des « / ».`,
    );
  }
  const httpsPort = url.port === "" ? 443 : Number(url.port);
  return { href: url.href, origin: url.origin, hostname: url.hostname, path: url.pathname, httpsPort };
}

function checkPort(text) {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65535) throw new Refused(`« ${text} » n'est pas un numéro de port (de 1 à 65535).`);
  return port;
}

/** nginx splits words on spaces and ends directives at « ; »: a path holding either would change the configuration. */
function checkServerPath(text, what) {
  if (!text.startsWith("/") || /[\s;{}"'#$\\]/.test(text)) {
    throw new Refused(`${what} « ${text} » doit être un chemin absolu sans espace ni « ; », « { », « } », « # », « $ », guillemet ou barre oblique inverse.`);
  }
  return text;
}

/** The nginx template of deploy/nginx/ filled in for one address; the block outside the add-in's path goes if it is « / ». */
function renderNginx(template, address, options) {
  // The template's opening comment explains the placeholders; the filled-in copy says where it comes from instead.
  const body = template.slice(template.indexOf("\n\n") + 2);
  const header = [
    `# CTG Suivi — configuration nginx pour ${address.href}, écrite par « npm run build:deploy » le ${new Date().toISOString().slice(0, 10)}`,
    "# à partir du modèle deploy/nginx/ctg-suivi.conf. À placer dans /etc/nginx/sites-available/ (deploy/INSTALLATION.md).",
    "",
  ].join("\n");
  let text = `${header}\n${body}`;
  if (address.path === "/") text = text.replace(/^[ \t]*# >>> hors-chemin[\s\S]*?# <<< hors-chemin[^\n]*\n/m, "");
  const values = {
    NOM_DU_SERVEUR: address.hostname,
    PORT_HTTPS: String(address.httpsPort),
    PORT_HTTP: String(options.httpPort),
    ORIGINE: address.origin,
    CHEMIN: address.path,
    DOSSIER_DU_SITE: options.siteDir.endsWith("/") ? options.siteDir : `${options.siteDir}/`,
    CERTIFICAT: options.certificate,
    CLE_PRIVEE: options.key,
  };
  text = text.replace(/@([A-Z_]+)@/g, (match, name) => {
    if (!(name in values)) throw new Error(`Unknown placeholder ${match} in ${TEMPLATE}`);
    return values[name];
  });
  return text;
}

/**
 * Every URL the built manifest gives Office must be under the address (AppDomain: its origin): a URL left on the
 * development server would load nothing once deployed. Namespaces are not URLs Office loads.
 */
function manifestUrlsOutside(manifest, address) {
  const urls = [
    ...[...manifest.matchAll(/DefaultValue="(https?:[^"]*)"/g)].map((match) => match[1]),
    ...[...manifest.matchAll(/<(?:AppDomain|SourceLocation)>([^<]*)</g)].map((match) => match[1]),
  ];
  const outside = urls.filter((url) => !(url.startsWith(address.href) || url === address.origin));
  return { count: urls.length, outside };
}

function runWebpack(address, siteDir) {
  // The configuration reads the address when it is built, and rewrites dist/manifest.xml's URLs with it.
  process.env.CTG_PUBLIC_URL = address.href;
  const webpack = require("webpack");
  const makeConfig = require(join(root, "webpack.config.js"));
  return Promise.resolve(makeConfig({}, { mode: "production" })).then(
    (config) =>
      new Promise((done, fail) => {
        config.output.path = siteDir;
        config.infrastructureLogging = { level: "warn" };
        const compiler = webpack(config);
        compiler.run((error, stats) => {
          compiler.close(() => {
            if (error) return fail(new Refused(`La construction a échoué : ${error.message}`, 1));
            const info = stats.toJson({ all: false, errors: true, warnings: true });
            if (stats.hasErrors()) return fail(new Refused(`La construction a échoué :\n${info.errors.map((item) => item.message).join("\n")}`, 1));
            done(info.warnings.map((item) => item.message));
          });
        });
      }),
  );
}

function validateManifest(file, schemaDir) {
  const schema = join(schemaDir, "OfficeAppManifestV1_1.xsd");
  if (!existsSync(schema)) throw new Refused(`Schémas du manifeste introuvables : ${schema}`);
  const result = spawnSync("xmllint", ["--noout", "--schema", schema, file], { encoding: "utf8" });
  if (result.error) throw new Refused(`xmllint ne peut pas être lancé (${result.error.message}) : installez le paquet Debian libxml2-utils.`);
  if (result.status !== 0) throw new Refused(`Le manifeste produit n'est pas valide :\n${result.stderr}`, 1);
}

function listFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((name) => statSync(join(dir, name)).isFile())
    .sort();
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      sortie: { type: "string", default: join(root, "publication") },
      "dossier-serveur": { type: "string", default: "/var/www/ctg-suivi/" },
      certificat: { type: "string", default: "/etc/ssl/certs/ctg-suivi.pem" },
      cle: { type: "string", default: "/etc/ssl/private/ctg-suivi.key" },
      "port-http": { type: "string", default: "80" },
      schemas: { type: "string", default: process.env.CTG_MANIFEST_SCHEMAS },
    },
  });
  if (positionals.length > 1) throw new Refused(`Une seule adresse est attendue, ${positionals.length} sont données : ${positionals.join(" ")}`);
  const address = checkAddress(positionals[0] ?? process.env.CTG_PUBLIC_URL);
  const httpPort = checkPort(values["port-http"]);
  if (httpPort === address.httpsPort) throw new Refused(`Le port HTTP (${httpPort}) doit être différent du port HTTPS de l'adresse.`);
  const options = {
    httpPort,
    siteDir: checkServerPath(values["dossier-serveur"], "Le dossier du site sur le serveur"),
    certificate: checkServerPath(values.certificat, "Le certificat"),
    key: checkServerPath(values.cle, "La clé privée"),
  };

  const out = resolve(values.sortie);
  // Never empty a folder someone else filled: only an earlier output of this command is replaced.
  if (existsSync(out) && readdirSync(out).length > 0 && !existsSync(join(out, RECORD))) {
    throw new Refused(`Le dossier de sortie ${out} existe et n'est pas une publication précédente : choisissez un dossier vide avec --sortie.`);
  }
  const site = join(out, "site");
  mkdirSync(out, { recursive: true });

  console.log(`Construction de CTG Suivi pour ${address.href} …`);
  const warnings = await runWebpack(address, site);
  // Size hints are the developers' concern (the budget is measured by `npm run bench`), not the installer's.
  const relevant = warnings.filter((warning) => !/size limit|performance recommendations/.test(warning));
  for (const warning of relevant) console.warn(`Avertissement de la construction : ${warning}`);

  const manifestFile = join(site, "manifest.xml");
  const manifest = readFileSync(manifestFile, "utf8");
  const urls = manifestUrlsOutside(manifest, address);
  if (urls.count === 0 || urls.outside.length > 0) {
    throw new Refused(`Le manifeste produit garde des adresses hors de ${address.href} : ${urls.outside.join(", ") || "aucune adresse trouvée"}`, 1);
  }
  if (values.schemas) validateManifest(manifestFile, resolve(values.schemas));
  copyFileSync(manifestFile, join(out, "manifest.xml"));

  mkdirSync(join(out, "nginx"), { recursive: true });
  writeFileSync(join(out, "nginx", "ctg-suivi.conf"), renderNginx(readFileSync(TEMPLATE, "utf8"), address, options));

  const version = /<Version>([^<]+)<\/Version>/.exec(manifest)?.[1] ?? "";
  const files = listFiles(site);
  writeFileSync(
    join(out, RECORD),
    `${JSON.stringify({ adresse: address.href, versionDuManifeste: version, construitLe: new Date().toISOString(), fichiers: files }, null, 2)}\n`,
  );

  const near = relative(process.cwd(), out);
  const shown = near === "" ? "." : near.startsWith("..") ? out : near;
  console.log(
    [
      `Publication prête dans ${shown}/ (${files.length} fichiers, manifeste version ${version}${values.schemas ? ", validé contre les schémas" : ""}) :`,
      `  ${shown}/site/                 à copier dans ${options.siteDir} sur le serveur (servi à ${address.href})`,
      `  ${shown}/nginx/ctg-suivi.conf  à placer dans /etc/nginx/sites-available/ (certificat : ${options.certificate})`,
      `  ${shown}/manifest.xml          à déclarer dans Office (centre d'administration, catalogue SharePoint ou dossier partagé)`,
      "Suite : deploy/INSTALLATION.md.",
    ].join("\n"),
  );
}

main().catch((error) => {
  if (error instanceof Refused) {
    console.error(error.message);
    process.exit(error.exitCode);
  }
  throw error;
});
