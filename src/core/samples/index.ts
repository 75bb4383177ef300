export * from "./prng";
export * from "./seed-001";
export * from "./unit-table";
export * from "./ledger-sheet";
export * from "./sample-data";
export * from "./sample-workbook";
export * from "./template";
