import { CliError } from "../exit";

export async function runDemo(_args: string[]): Promise<number> {
  throw new CliError("scorecard demo: 尚未实现 / not implemented yet");
}
