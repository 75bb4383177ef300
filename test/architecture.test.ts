import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** Belt and braces beside the ESLint rule: src/core must stay host-agnostic, and layers point inward. */
const SRC = join(__dirname, "..", "src");
const FORBIDDEN_IN_CORE =
  /^(react|react-dom|@fluentui\/|exceljs|@microsoft\/office-js|node:|fs$|path$|os$|child_process$|worker_threads$)/;
const SHELLS = ["app", "ui", "taskpane", "web", "cli", "commands"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)["']([^"']+)["']/g)].map(
    (m) => m[1] ?? ""
  );
}

describe("layering", () => {
  it("src/core imports no Office, React, DOM, Node or xlsx module and nothing from the shells", () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(join(SRC, "core"))) {
      for (const spec of importsOf(file)) {
        const outward =
          spec.startsWith(".") &&
          /\/(workbook|app|ui|taskpane|web|cli|commands)\//.test(join(file, "..", spec) + "/");
        if (FORBIDDEN_IN_CORE.test(spec) || outward)
          offenders.push(`${relative(SRC, file)} → ${spec}`);
      }
      const text = withoutComments(readFileSync(file, "utf8"));
      if (/\b(window|document|Office|Excel)\./.test(text))
        offenders.push(`${relative(SRC, file)} uses a host global`);
    }
    expect(offenders).toEqual([]);
  });

  it("src/workbook imports nothing from the shells", () => {
    const offenders = sourceFiles(join(SRC, "workbook")).flatMap((file) =>
      importsOf(file)
        .filter(
          (spec) =>
            spec.startsWith(".") &&
            SHELLS.some((s) => join(file, "..", spec).includes(join(SRC, s)))
        )
        .map((spec) => `${relative(SRC, file)} → ${spec}`)
    );
    expect(offenders).toEqual([]);
  });
});
