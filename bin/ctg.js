#!/usr/bin/env node
"use strict";
const path = require("node:path");
const fs = require("node:fs");

const bundle = path.join(__dirname, "..", "build", "ctg.cjs");
if (!fs.existsSync(bundle)) {
  console.error("CTG Suivi n'est pas encore construit : lancez « npm ci » (ou « npm run build:node ») dans le dossier du projet.");
  process.exit(2);
}
const { run } = require(bundle);
run(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) }, undefined, { isTTY: Boolean(process.stderr.isTTY), write: (text) => process.stderr.write(text) }).then((code) => {
  process.exitCode = code;
});
