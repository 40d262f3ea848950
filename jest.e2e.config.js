/** End-to-end tests: need the production bundle, Chromium, LibreOffice or xmllint. */
const base = require("./jest.config.js");
module.exports = {
  ...base,
  testMatch: ["<rootDir>/tests/e2e/**/*.test.ts?(x)"],
  testTimeout: 120000,
};
