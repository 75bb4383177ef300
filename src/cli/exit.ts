/** Exit codes of SPEC §9: scripts depend on them. */
export const EXIT = { ok: 0, validationErrors: 1, usage: 2 } as const;

/** A failure the user can act on: printed as its message alone, never with a stack. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage
  ) {
    super(message);
    this.name = "CliError";
  }
}
