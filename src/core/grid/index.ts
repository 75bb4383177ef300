export * from "./types";
export * from "./address";
export * from "./access";
export * from "./excel-date";
export * from "./formula";
export * from "./formula-results";
