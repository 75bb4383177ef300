// @ts-check
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

/** Modules src/core must never import: it runs unchanged in Node, a browser, a Web Worker and inside Excel. */
const HOST_MODULES = [
  "react",
  "react-dom",
  "react-dom/*",
  "@fluentui/*",
  "exceljs",
  "@microsoft/office-js",
  "fs",
  "path",
  "os",
  "child_process",
  "worker_threads",
  "node:*",
];

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "dist/",
      "dist-tsc/",
      "out/",
      "test-output/",
      "coverage/",
      "**/*.cjs",
      "**/*.js",
      "**/*.mjs",
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { fixStyle: "separate-type-imports" },
      ],
      eqeqeq: ["error", "smart"],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: HOST_MODULES,
              message: "src/core is host-agnostic: no Office, React, DOM or Node modules.",
            },
            {
              group: [
                "**/workbook/**",
                "**/app/**",
                "**/ui/**",
                "**/taskpane/**",
                "**/web/**",
                "**/cli/**",
                "**/commands/**",
              ],
              message: "Dependencies point inward: core imports nothing from the shells.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        "window",
        "document",
        "Office",
        "Excel",
        "process",
        "Buffer",
        "require",
      ],
    },
  },
  {
    // A function a reader must scroll through, or a file of several ideas, is split where the reader would want
    // it split (issue 12).
    files: ["src/**/*.{ts,tsx}"],
    rules: {
      "max-lines-per-function": [
        "error",
        { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true },
      ],
      "max-lines": ["error", { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ["src/workbook/office/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "office-addins/no-office-initialize": "error",
    },
  },
  {
    files: ["src/ui/**/*.{ts,tsx}", "src/taskpane/**/*.{ts,tsx}", "src/web/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
    },
  }
);
