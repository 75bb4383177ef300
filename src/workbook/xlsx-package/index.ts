export { writePlanIntoPackage, PackageWriteError, type PackageWriteResult } from "./surgical-write";
export { isMacroEnabled, isProductPackage, stampPackage } from "./package-stamp";
export { ZipError } from "./zip";
export { packageShowingOnly } from "./print-pack";
