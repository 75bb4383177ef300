/** Every round trip goes through here: counted, and refused once the caller has cancelled. */
import type { OfficeHostStats } from "./types";

export async function syncCounted(
  context: Excel.RequestContext,
  stats: OfficeHostStats,
  signal?: AbortSignal
): Promise<void> {
  signal?.throwIfAborted();
  stats.syncs++;
  await context.sync();
}

/** Office.js's error for a request or response above Excel on the web's 5 MB. */
export function isPayloadTooLarge(err: unknown): boolean {
  return (
    typeof err === "object" &&
    err !== null &&
    "code" in err &&
    (err as { code?: unknown }).code === "RequestPayloadSizeLimitExceeded"
  );
}
