import { CliError } from "../exit";

export async function runAssess(_args: string[]): Promise<number> {
  throw new CliError("scorecard assess: 尚未实现 / not implemented yet");
}
