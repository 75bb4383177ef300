/* eslint-disable no-undef */
// Builds the task pane, the ribbon commands page and the standalone web page, plus a production manifest.
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { resolve, typescriptRule } = require("./webpack.common");

const DEV_URL = "https://localhost:3000/";
/** Where the production build is hosted; substituted into dist/manifest.xml. */
const PROD_URL = process.env.SCORECARD_PROD_URL || "https://scorecard.example.com/";

async function httpsOptions() {
  // Only the dev server needs certificates; office-addin-dev-certs installs a trusted localhost CA.
  const devCerts = require("office-addin-dev-certs");
  try {
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (err) {
    // Installing the CA needs sudo or a desktop trust store (absent in containers and CI). Serve with the
    // generated certificates anyway and say how to trust them, instead of not starting at all.
    const fs = require("node:fs");
    const dir = path.join(require("node:os").homedir(), ".office-addin-dev-certs");
    const read = (name) => fs.readFileSync(path.join(dir, name));
    console.warn(
      `Could not install the dev CA (${err.message.split("\n")[0]}). Trust ${path.join(dir, "ca.crt")} by hand to sideload.`
    );
    return { ca: read("ca.crt"), key: read("localhost.key"), cert: read("localhost.crt") };
  }
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  const serving = Boolean(process.env.WEBPACK_SERVE);
  return {
    devtool: dev ? "source-map" : false,
    // Polyfills first: what the oldest supported webview lacks at the bundles' ES2022 level (src/guard).
    entry: {
      taskpane: ["./src/guard/polyfills.ts", "./src/taskpane/index.tsx"],
      commands: ["./src/guard/polyfills.ts", "./src/commands/index.ts"],
      web: ["./src/guard/polyfills.ts", "./src/web/index.tsx"],
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "chunks/[name].[contenthash:8].js",
      clean: true,
    },
    resolve,
    module: { rules: [typescriptRule(dev)] },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/web/web.html",
        chunks: ["web"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/help.html", to: "help.html" },
          // ES5 pages for hosts whose webview cannot run the bundles (Trident, EdgeHTML): src/guard.
          { from: "src/guard/host-guard.js", to: "host-guard.js" },
          { from: "src/guard/unsupported.html", to: "unsupported.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              dev
                ? content
                : content
                    .toString()
                    .split(DEV_URL)
                    .join(PROD_URL)
                    .split(DEV_URL.slice(0, -1))
                    .join(PROD_URL.replace(/\/$/, "")),
          },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: serving ? { type: "https", options: await httpsOptions() } : "https",
      static: { directory: path.resolve(__dirname, "dist") },
    },
  };
};
