export * from "./types";
export * from "./read-notes";
export { groupIssues } from "./group";
