/** LibreOffice prints the assessed workbook: a real tool run, kept with the browser tests out of the unit suite. */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { planOutputs } from "../../src/core/report";
import { planSampleWorkbook } from "../../src/core/samples";
import { applyPlanToWorkbook } from "../../src/workbook/exceljs/apply-plan";
import { workbookFromPlan, writeWorkbookAtomic } from "../../src/workbook/exceljs/file-io";
import { NOW, issue } from "../core/report/builders";
import { sampleResults } from "../core/report/sample-results";

const ROOT = join(__dirname, "..", "..");
const hasTools = spawnSync("sh", ["-c", "command -v soffice && command -v pdftoppm"]).status === 0;
if (!hasTools && process.env.CI) throw new Error("the render check needs soffice and pdftoppm");
const maybe = hasTools ? it : it.skip;

describe("render check", () => {
  maybe(
    "renders an assessed workbook to PDF and PNG pages",
    async () => {
      const dir = join(ROOT, "test-output", "render");
      mkdirSync(dir, { recursive: true });
      const wb = workbookFromPlan(planSampleWorkbook());
      applyPlanToWorkbook(
        wb,
        planOutputs({ results: sampleResults(), issues: [issue()] }, { now: NOW })
      );
      const file = join(ROOT, "test-output", "render-check.xlsx");
      await writeWorkbookAtomic(wb, file);
      execFileSync(join(ROOT, "scripts", "render-check.sh"), [file, dir], { stdio: "pipe" });
      expect(existsSync(join(dir, "render-check.pdf"))).toBe(true);
      expect(
        readdirSync(dir).filter((f) => /^render-check-\d+\.png$/.test(f)).length
      ).toBeGreaterThan(0);
    },
    120_000
  );
});
