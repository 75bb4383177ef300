export * from "./records";
export * from "./sheet-digest";
export * from "./sheet-targets";
