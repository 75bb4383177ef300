/**
 * Ctrl-C (SIGINT) and SIGTERM cancel a run: the first stops it at its next step (never inside the rename that puts
 * an output in place, so no half-written file is left); a second one exits at once (temporary files are still
 * removed, see writeBytesAtomic). The exit code is the shell's: 128 + the signal's number.
 */

const SIGNAL_NUMBER = { SIGINT: 2, SIGTERM: 15 } as const;
type Interrupt = keyof typeof SIGNAL_NUMBER;

/** The reason a run's signal is aborted with. */
export class Interrupted extends Error {
  override readonly name = "Interrupted";
  constructor(readonly signalName: Interrupt) {
    super(`interrupted by ${signalName}`);
  }

  /** 130 for Ctrl-C, 143 for SIGTERM. */
  get exitCode(): number {
    return 128 + SIGNAL_NUMBER[this.signalName];
  }

  /** The one line printed when a run stops. */
  get line(): string {
    return `已取消 / cancelled (${this.signalName}): 未完成的输出没有写出，已有文件保持原样 / no output was half-written; existing files are as they were`;
  }
}

export interface InterruptScope {
  readonly signal: AbortSignal;
  /** Removes the handlers (the process's default action applies again). */
  dispose(): void;
}

/** Listens for Ctrl-C and SIGTERM until disposed; `signal` aborts with an Interrupted on the first. */
export function listenForInterrupt(): InterruptScope {
  const controller = new AbortController();
  const handlers = (Object.keys(SIGNAL_NUMBER) as Interrupt[]).map((name) => {
    const handler = () => {
      if (!controller.signal.aborted) {
        controller.abort(new Interrupted(name));
        return;
      }
      // A second signal: the run did not reach a step where it could stop (a long computation).
      const reason = controller.signal.reason as Interrupted;
      process.stderr.write(`${reason.line}\n`);
      process.exit(reason.exitCode);
    };
    process.on(name, handler);
    return () => process.off(name, handler);
  });
  return {
    signal: controller.signal,
    dispose: () => handlers.forEach((off) => off()),
  };
}
