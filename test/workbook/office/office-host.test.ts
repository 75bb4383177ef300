// The Office.js adapter's cases run from one file over the Excel API emulator: Jest loads every module afresh for
// each test file, and the adapter, the emulator and ExcelJS (the reference reader) cost seconds of CPU each time.
// Each area's cases stay in their own *.cases.ts module.
import "./apply-plan.cases";
import "./charts.cases";
import "./emulator.cases";
import "./excel-limits-read.cases";
import "./excel-limits-write.cases";
import "./planners.cases";
import "./read-grid.cases";
import "./hidden-rows.cases";
