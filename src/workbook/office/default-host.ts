/** The Office host wired to the real globals; the only file that reads `Excel` and `Office` at run time. */
import { createOfficeHost, type OfficeHost, type OfficeHostOptions } from "./office-host";

export function createDefaultOfficeHost(options: OfficeHostOptions = {}): OfficeHost {
  return createOfficeHost(
    (batch) => Excel.run(batch),
    (name, version) => Office.context.requirements.isSetSupported(name, version),
    options
  );
}
