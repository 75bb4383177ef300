export * from "./settings";
export * from "./state-sheet";
export * from "./state-cells";
