/** Errors the emulator throws, with the codes Office.js uses (OfficeExtension.Error.code). */
export type EmulatorErrorCode =
  | "PropertyNotLoaded"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidArgument"
  | "InvalidOperation"
  | "ApiNotFound"
  | "RequestPayloadSizeLimitExceeded"
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
