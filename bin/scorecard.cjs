#!/usr/bin/env node
// Runs the CLI precompiled into one file (bin/cli-bundle.cjs builds it on first use and after a source changes), so
// the `scorecard` bin starts without compiling TypeScript and still works right after `npm ci` with no build step.
"use strict";
// Signals are dispatched only once loading is over; watching them from the first line keeps a Ctrl-C that comes
// while the CLI loads, and main's own handler (installed before these are removed) answers it.
const keep = () => undefined;
process.on("SIGINT", keep);
process.on("SIGTERM", keep);
const { loadCli } = require("./cli-bundle.cjs");
// `scorecard assess x.xlsx | head` closes the pipe early; that is the reader's choice, not a failure.
process.stdout.on("error", (err) => {
  if (err && err.code === "EPIPE") process.exit(0);
  throw err;
});
if (process.env.SCORECARD_DEBUG) process.setSourceMapsEnabled(true);
const cli = loadCli();
if (cli === null) {
  process.stderr.write("scorecard: the CLI sources do not build (see the errors above)\n");
  process.exit(2);
}
const { main } = cli;
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
