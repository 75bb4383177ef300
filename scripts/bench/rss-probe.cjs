// Preloaded into a process the benchmark times (node -r): on exit, writes the process's peak RSS (KB) and its CPU
// time (user + system, µs) to the file named by SCORECARD_BENCH_RSS, so `scorecard assess` end to end reports
// its own memory and CPU.
"use strict";
const { writeFileSync } = require("node:fs");
const file = process.env.SCORECARD_BENCH_RSS;
if (file)
  process.on("exit", () => {
    const u = process.resourceUsage();
    writeFileSync(file, `${u.maxRSS} ${u.userCPUTime + u.systemCPUTime}`);
  });
