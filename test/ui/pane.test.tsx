/** @jest-environment jsdom */
// The pane's screens are tested from one file: Jest loads every module afresh for each test file, and Fluent UI is
// about 2,000 modules (seconds of CPU each time). Each screen's cases stay in their own *.cases.tsx module. The
// screens' flows are walked here in zh-CN; pane-en-us.test.tsx (integration suite) walks them again in en-US.
import "./jsdom-polyfills";
import "./app.cases";
import "./assess-screen.cases";
import "./assess-form.cases";
import "./issues-screen.cases";
import "./issues-pane.cases";
import "./sheets-screen.cases";
import "./result-charts.cases";
