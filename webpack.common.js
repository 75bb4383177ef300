/* eslint-disable no-undef */
// Pieces every webpack build of the product shares (app build and the task-pane e2e harness).

/** Node built-ins that ExcelJS's browser build references but never calls in the paths we use. */
const resolve = {
  extensions: [".ts", ".tsx", ".js"],
  fallback: {
    fs: false,
    path: false,
    os: false,
    crypto: false,
    stream: false,
    zlib: false,
    util: false,
    buffer: false,
    events: false,
    string_decoder: false,
    timers: false,
    url: false,
    http: false,
    https: false,
  },
};

/** TypeScript through ts-loader without type checking (`npm run typecheck` does that), as ES modules for splitting. */
function typescriptRule(sourceMap) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: "ts-loader",
      options: {
        transpileOnly: true,
        compilerOptions: { module: "esnext", moduleResolution: "bundler", sourceMap },
      },
    },
  };
}

module.exports = { resolve, typescriptRule };
