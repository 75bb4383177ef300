/** Builds the harness bundle with webpack's Node API (transpile-only, cached), once per test file. */
import { join } from "node:path";
import webpack from "webpack";

export const HARNESS_DIR = join(__dirname, "..", "..", "..", "test-output", "e2e-harness");

export function buildHarness(): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require("../../../webpack.e2e.config.js") as webpack.Configuration;
  return new Promise((resolve, reject) => {
    const compiler = webpack(config);
    if (!compiler) return reject(new Error("webpack did not create a compiler"));
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString("errors-only")));
      resolve(HARNESS_DIR);
    });
  });
}
