/** The Engine over src/core. Pure: runs in the pane's thread or in engine.worker.ts. */
import type { Engine } from "./engine-api";
import { engineUnavailable } from "./session-error";

export function createCoreEngine(): Engine {
  return {
    check() {
      throw engineUnavailable("recognizeWorkbook");
    },
    assess() {
      throw engineUnavailable("assessWorkbook");
    },
    planDefaultRules() {
      throw engineUnavailable("planRulesSheet");
    },
    planSample() {
      throw engineUnavailable("sample workbook");
    },
    planTemplate() {
      throw engineUnavailable("template");
    },
  };
}
