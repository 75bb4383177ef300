export * from "./grid";
export * from "./issues";
export * from "./model";
export * from "./plan";
export * from "./report";
