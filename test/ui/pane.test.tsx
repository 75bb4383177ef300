/** @jest-environment jsdom */
// The pane's screens are tested from one file: Jest loads every module afresh for each test file, and Fluent UI is
// about 2,000 modules (seconds of CPU each time). Each screen's cases stay in their own *.cases.tsx module.
import "./jsdom-polyfills";
import "./app.cases";
import "./assess-screen.cases";
import "./issues-screen.cases";
import "./sheets-screen.cases";
import "./result-charts.cases";
