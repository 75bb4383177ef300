export * from "./types";
export * from "./read-notes";
export { groupIssues } from "./group";
export { issueKindName } from "./kinds";
export * from "./list-groups";
