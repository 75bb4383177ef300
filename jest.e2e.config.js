/** Real-browser tests: Debian's chromium driven by playwright-core against the production build in dist/. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.ts"],
  transform: require("./jest.swc.js"),
  testTimeout: 600000,
  maxWorkers: 1,
};
