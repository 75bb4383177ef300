export * from "./measure";
export * from "./tables";
export * from "./recognition";
export * from "./results";
export * from "./ledger-columns";
export * from "./ledger-builder";
export * from "./ledger-sheet";
