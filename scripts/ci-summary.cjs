// Prints "N passed, N failed" from Jest's --json reports; a failed CI step with no test counted adds a failure,
// so a red step can never hide behind green tests. Exit code: 0 only when nothing failed.
"use strict";
const fs = require("node:fs");

const [failedSteps, ...reports] = process.argv.slice(2);
let passed = 0;
let failed = 0;
for (const file of reports) {
  if (!fs.existsSync(file)) continue;
  const report = JSON.parse(fs.readFileSync(file, "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // Suites that fail to run (syntax error, missing module) have no failed tests but must count.
  failed += report.testResults.filter(
    (r) => r.status === "failed" && r.assertionResults.length === 0
  ).length;
}
const stepFailures = Number(failedSteps) || 0;
if (failed === 0 && stepFailures > 0) failed = stepFailures;
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || stepFailures > 0 ? 1 : 0;
