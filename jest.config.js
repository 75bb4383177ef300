/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
  },
  setupFilesAfterEnv: ["<rootDir>/test/setup/no-console.ts"],
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  // jsdom screen tests drive whole flows; on a loaded 2-core machine they need more than the 5 s default.
  testTimeout: 30000,
};
