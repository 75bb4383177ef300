export * from "./write-plan";
export * from "./ownership";
