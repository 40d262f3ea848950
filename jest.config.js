/** Unit and integration tests: no browser, no LibreOffice. */
const swc = [
  "@swc/jest",
  { jsc: { parser: { syntax: "typescript", tsx: true }, transform: { react: { runtime: "automatic" } }, target: "es2022" }, module: { type: "commonjs" } },
];
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["<rootDir>/tests/unit/**/*.test.ts?(x)", "<rootDir>/tests/integration/**/*.test.ts?(x)"],
  transform: { "^.+\\.(t|j)sx?$": swc },
  // pptxgenjs loads node:fs with import(), which Jest's CommonJS sandbox refuses; compiled, it becomes a require().
  transformIgnorePatterns: ["/node_modules/(?!pptxgenjs/)"],
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  setupFiles: ["<rootDir>/tests/support/jsdom-setup.ts"],
  // A whole command run on a two-core CI machine shared with other jobs may take longer than Jest's 5 s: the
  // timeout only stops a test that hangs. Speed targets are in the benchmarks (npm run bench).
  testTimeout: 30_000,
};
