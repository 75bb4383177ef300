/** The integration suite (see jest.suites.js): the unit suite's settings over the tests it leaves out. */
const unit = require("./jest.config.js");
const { INTEGRATION_TESTS } = require("./jest.suites.js");

/** @type {import('jest').Config} */
module.exports = {
  ...unit,
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
  testMatch: INTEGRATION_TESTS.map((path) =>
    path.endsWith("/") ? `${path}**/*.test.{ts,tsx}` : path
  ),
  // A guard against a hung run only (LibreOffice, a whole corpus): no test relies on finishing within it.
  testTimeout: 30 * 60_000,
};
