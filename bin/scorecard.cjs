#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the `scorecard` bin works right after `npm ci` with no build step.
"use strict";
// Signals are dispatched only once loading is over; watching them from the first line keeps a Ctrl-C that comes
// while the CLI loads, and main's own handler (installed before these are removed) answers it.
const keep = () => undefined;
process.on("SIGINT", keep);
process.on("SIGTERM", keep);
const path = require("node:path");
require("tsx/cjs/api").register();
// `scorecard assess x.xlsx | head` closes the pipe early; that is the reader's choice, not a failure.
process.stdout.on("error", (err) => {
  if (err && err.code === "EPIPE") process.exit(0);
  throw err;
});
const { main } = require(path.join(__dirname, "..", "src", "cli", "main.ts"));
const run = main(process.argv.slice(2));
process.off("SIGINT", keep);
process.off("SIGTERM", keep);
run.then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`${err && err.message ? err.message : err}\n`);
    process.exitCode = 2;
  }
);
