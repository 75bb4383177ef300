export * from "./merge-submissions";
