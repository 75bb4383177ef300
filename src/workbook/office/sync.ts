/** Every round trip goes through here: counted, and refused once the caller has cancelled. */
import { officeErrorCode } from "./host-error";
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

/**
 * Excel on the web refuses a request or a response above 5 MB with RequestPayloadSizeLimitExceeded or
 * ResponsePayloadSizeLimitExceeded ("Application-specific API error handling"; "Resource limits and performance
 * optimization for Office Add-ins").
 */
export function isPayloadTooLarge(err: unknown): boolean {
  const code = officeErrorCode(err);
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/** Older builds report an oversized response as GeneralException: it may be the size, or anything else. */
export function mayBePayloadTooLarge(err: unknown): boolean {
  return isPayloadTooLarge(err) || officeErrorCode(err) === "GeneralException";
}
