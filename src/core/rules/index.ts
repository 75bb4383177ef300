export * from "./schema";
export * from "./registry";
export * from "./defaults";
export * from "./labels";
export * from "./merge";
export * from "./rules-sheet";
