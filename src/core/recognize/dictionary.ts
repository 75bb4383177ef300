/**
 * The header dictionary: every column a unit table or a ledger can have, with its words in three scripts. The
 * entries live in dictionary-tables and dictionary-ledgers.
 */
import { LEDGER_FIELDS } from "./dictionary-ledgers";
import { TABLE_FIELDS } from "./dictionary-tables";
import type { HeaderField } from "./header-field";

export type { FieldKind, FieldScope, HeaderField } from "./header-field";

export const HEADER_DICTIONARY: readonly HeaderField[] = [...TABLE_FIELDS, ...LEDGER_FIELDS];

/** Ledger fields a ledger cannot be read without, and those a reviewer expects. */
export const LEDGER_REQUIRED = ["project_name", "unit"] as const;
export const LEDGER_EXPECTED = ["investment", "stage", "signed_date"] as const;
