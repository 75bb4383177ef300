/** Rewrites the hostile-case table in SECURITY.md from test/hostile/cases.ts (see test/hostile/security-table.ts). */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { HOSTILE_CASES } from "../test/hostile/cases";
import { securityTable, withTable } from "../test/hostile/security-table";

const path = join(__dirname, "..", "SECURITY.md");
writeFileSync(path, withTable(readFileSync(path, "utf8"), securityTable(HOSTILE_CASES)));
process.stdout.write(
  `SECURITY.md: ${HOSTILE_CASES.length} hostile cases (run npx prettier --write SECURITY.md)\n`
);
