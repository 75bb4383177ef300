import { CliError } from "../exit";

export async function runMerge(_args: string[]): Promise<number> {
  throw new CliError("scorecard merge: 尚未实现 / not implemented yet");
}
