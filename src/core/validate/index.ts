export { collectIssues, validateWorkbook } from "./validate-workbook";
export {
  defaultValidationContext,
  DEFAULT_STAGES,
  validationContextSchema,
  type ValidationContext,
} from "./context";
export { ROLE_COLUMNS } from "./schemas";
export { UnitMatcher, type UnitMatch } from "../recognize/unit-names";
export { StageIndex } from "../rules/stages";
