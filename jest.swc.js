/**
 * The TypeScript transform of both Jest suites: SWC strips types and compiles to CommonJS without type checking
 * (that is `npm run typecheck`'s job), about ten times faster than ts-jest on this suite.
 */
module.exports = {
  "^.+\\.tsx?$": [
    "@swc/jest",
    {
      jsc: {
        parser: { syntax: "typescript", tsx: true },
        transform: { react: { runtime: "automatic" } },
        target: "es2022",
      },
      module: { type: "commonjs" },
      sourceMaps: "inline",
    },
  ],
};
