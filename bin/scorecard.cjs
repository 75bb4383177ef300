#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the `scorecard` bin works right after `npm ci` with no build step.
"use strict";
const path = require("node:path");
require("tsx/cjs/api").register();
// `scorecard assess x.xlsx | head` closes the pipe early; that is the reader's choice, not a failure.
process.stdout.on("error", (err) => {
  if (err && err.code === "EPIPE") process.exit(0);
  throw err;
});
const { main } = require(path.join(__dirname, "..", "src", "cli", "main.ts"));
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`${err && err.message ? err.message : err}\n`);
    process.exitCode = 2;
  }
);
