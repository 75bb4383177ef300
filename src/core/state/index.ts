export * from "./settings";
export * from "./state-sheet";
