/* eslint-disable no-undef */
// The task-pane e2e harness: src/taskpane/index.tsx unchanged, with Office/Excel globals over the Excel API
// emulator (test/e2e/harness). Built by test/e2e/harness/build.ts into test-output/e2e-harness/.
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { resolve, typescriptRule } = require("./webpack.common");

const OUT = path.resolve(__dirname, "test-output", "e2e-harness");

module.exports = {
  // Development mode builds fast (and caches well); nodeEnv "production" still picks React's and Fluent's
  // production code, which is smaller and much faster to parse and run than their development builds.
  mode: "development",
  optimization: { nodeEnv: "production" },
  // Speed over debuggability: no source maps, a persistent cache between runs.
  devtool: false,
  cache: {
    type: "filesystem",
    cacheDirectory: path.resolve(__dirname, "test-output", ".webpack-e2e-cache"),
    buildDependencies: { config: [__filename, require.resolve("./webpack.common")] },
  },
  context: __dirname,
  entry: { harness: "./test/e2e/harness/taskpane-harness.ts" },
  output: {
    path: OUT,
    filename: "[name].js",
    chunkFilename: "chunks/[name].js",
    // Fixtures are written next to the bundle by the test; keep them.
    clean: false,
  },
  resolve,
  module: { rules: [typescriptRule(false)] },
  performance: { hints: false },
  infrastructureLogging: { level: "error" },
  stats: "errors-warnings",
  plugins: [
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: "./test/e2e/harness/taskpane-harness.html",
      chunks: ["harness"],
    }),
    new CopyWebpackPlugin({ patterns: [{ from: "assets/icon-32.png", to: "assets/icon-32.png" }] }),
  ],
};
