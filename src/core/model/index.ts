export * from "./measure";
export * from "./tables";
export * from "./recognition";
export * from "./results";
