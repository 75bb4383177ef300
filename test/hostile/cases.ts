/** Every hostile case of SECURITY.md, in table order. */
import type { HostileCase } from "./case";
import { CLI_CASES } from "./cases-cli";
import { CONTENT_CASES } from "./cases-content";
import { FILE_CASES } from "./cases-files";
import { PROCESS_CASES } from "./cases-process";

export const HOSTILE_CASES: readonly HostileCase[] = [
  ...FILE_CASES,
  ...CLI_CASES,
  ...CONTENT_CASES,
  ...PROCESS_CASES,
];
