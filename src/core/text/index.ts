export { toHalfWidth } from "./width";
export { toSimplified, TRADITIONAL_TABLE_SIZE } from "./traditional";
export { normalizeText, cleanLabel } from "./normalize";
export { editDistance, closest } from "./edit-distance";
