/** The Engine over src/core. Pure: runs in the pane's thread or in engine.worker.ts. */
import { SAMPLE_AS_OF, SEED_001_PERIOD, planSampleWorkbook, planTemplate } from "../core/samples";
import type { Engine } from "./engine-api";
import { engineUnavailable } from "./session-error";

export function createCoreEngine(): Engine {
  return {
    sampleSettings: { asOf: SAMPLE_AS_OF, period: { start: SEED_001_PERIOD.start, end: SEED_001_PERIOD.end } },
    check() {
      throw engineUnavailable("recognizeWorkbook");
    },
    assess() {
      throw engineUnavailable("assessWorkbook");
    },
    planDefaultRules() {
      throw engineUnavailable("planRulesSheet");
    },
    planSample: () => planSampleWorkbook(),
    planTemplate: () => planTemplate(),
  };
}
