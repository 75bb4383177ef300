/** A short name per kind of finding (kept in core: the printed 校验结果 names kinds the same way). */
export { issueKindName } from "../core/issues";
