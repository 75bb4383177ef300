const { INTEGRATION_TESTS } = require("./jest.suites.js");
const { PREBUNDLED } = require("./jest.prebundle.js");

/** The unit suite (`npm test`); the integration tests listed in jest.suites.js run with `npm run test:integration`. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/", ...INTEGRATION_TESTS],
  transform: require("./jest.swc.js"),
  setupFilesAfterEnv: ["<rootDir>/test/setup/no-console.ts"],
  // Fluent's icon barrel costs seconds per jsdom test file; see the stub for what it keeps.
  // ExcelJS and zod load from one prebuilt bundle each (jest.prebundle.js).
  moduleNameMapper: {
    "^@fluentui/react-icons$": "<rootDir>/test/setup/fluent-icons.ts",
    ...PREBUNDLED,
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  // Jest's default (cores − 1) runs a 2-core machine's suite in one process; two workers finish it in about half
  // the time, and still sooner when another process holds a core.
  maxWorkers: 2,
  // A guard against a hung test only: no test relies on finishing within it, so a loaded machine cannot fail one.
  testTimeout: 300000,
};
