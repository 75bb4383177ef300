export * from "./format";
export * from "./ranking-sheet";
export * from "./issues-sheet";
export * from "./notice-sheet";
export * from "./outputs";
export * from "./cell-text";
export * from "./ranking-text";
export { incompleteBanner } from "./incomplete";
