/**
 * Errors the emulator throws, with the codes Office.js uses (OfficeExtension.Error.code).
 * "Error handling with the application-specific JavaScript APIs", section "Error codes":
 * https://learn.microsoft.com/en-us/office/dev/add-ins/testing/application-specific-api-error-handling
 */
export type EmulatorErrorCode =
  | "PropertyNotLoaded"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidArgument"
  | "InvalidOperation"
  | "ApiNotFound"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "InvalidOperationInCellEditMode"
  | "AccessDenied"
  | "GeneralException";

export class EmulatorError extends Error {
  constructor(
    readonly code: EmulatorErrorCode,
    message: string
  ) {
    super(`${code}: ${message}`);
    this.name = "OfficeExtension.Error";
  }
}
