import { CliError } from "../exit";

export async function runTemplate(_args: string[]): Promise<number> {
  throw new CliError("scorecard template: 尚未实现 / not implemented yet");
}
