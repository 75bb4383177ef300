import { CliError } from "../exit";

export async function runCheck(_args: string[]): Promise<number> {
  throw new CliError("scorecard check: 尚未实现 / not implemented yet");
}
