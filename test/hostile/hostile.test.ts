/**
 * The hostile-input table of SECURITY.md, run: every case with a fast proof runs here against the CLI (in-process
 * through main(), as a terminal sees it). Slow and process-level cases (1M rows, real-size bombs, SIGKILL,
 * concurrent runs) run in scripts/hostile-slow.ts; cases proved elsewhere name their test in SECURITY.md.
 */
import { rmSync } from "node:fs";
import { freshDir } from "./case";
import { HOSTILE_CASES } from "./cases";

const fast = HOSTILE_CASES.filter((c) => c.run && !c.slow);

describe("hostile inputs (SECURITY.md)", () => {
  for (const c of fast) {
    const title = `${c.id} ${c.category}: ${c.input} → ${c.expected}`;
    const body = async (): Promise<void> => {
      const dir = freshDir(`hostile-${c.id}-`);
      try {
        await c.run?.(dir);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
    // An open case documents a known failure owned by another change: it must keep failing until fixed.
    if (c.open) it.failing(`${title} [open: ${c.open}]`, body);
    else it(title, body);
  }
});
