/* eslint-disable no-undef */
// The task-pane e2e harness: src/taskpane/index.tsx unchanged, with Office/Excel globals over the Excel API
// emulator (test/e2e/harness). Built by test/e2e/harness/build.ts into test-output/e2e-harness/.
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

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
    buildDependencies: { config: [__filename] },
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
  resolve: {
    extensions: [".ts", ".tsx", ".js"],
    // The same Node built-in fallbacks as webpack.config.js: ExcelJS's browser build references them.
    fallback: { fs: false, path: false, os: false, crypto: false, stream: false, zlib: false, util: false, buffer: false, events: false, string_decoder: false, timers: false, url: false, http: false, https: false },
  },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", moduleResolution: "bundler", sourceMap: false } } },
      },
    ],
  },
  performance: { hints: false },
  infrastructureLogging: { level: "error" },
  stats: "errors-warnings",
  plugins: [
    new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./test/e2e/harness/taskpane-harness.html", chunks: ["harness"] }),
    new CopyWebpackPlugin({ patterns: [{ from: "assets/icon-32.png", to: "assets/icon-32.png" }] }),
  ],
};
