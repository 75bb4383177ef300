/**
 * What the product writes, independent of what it says: the host-agnostic WritePlan, the sheet builder every
 * planner uses, and the names the product's own sheets and records live under. Report, rules, state, samples
 * and merge all plan sheets; none of them owns the vocabulary.
 */
export * from "./write-plan";
export * from "./product-sheets";
export * from "./text-width";
export * from "./sheet-builder";
