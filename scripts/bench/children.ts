/**
 * The benchmark's child scripts (engine phases, HyperFormula, Office costs) bundled once per run with esbuild, as
 * the CLI is: each child process then starts without compiling TypeScript (about 0.9 s of CPU less per process
 * than `--import tsx`; --quick starts six), and a `--cpu-prof` of a child has line numbers.
 */
import { buildSync } from "esbuild";
import { join } from "node:path";

export const CHILD_SCRIPTS = ["engine-phases", "hyperformula-peer", "office-costs"] as const;
export type ChildScript = (typeof CHILD_SCRIPTS)[number];

const ROOT = join(__dirname, "..", "..");

/**
 * A folder for this run's bundles under node_modules, so that their `require`s of dependencies resolve (and git,
 * lint and prettier ignore it); one per process, so concurrent runs never share one. The caller removes it.
 */
export function childrenDir(): string {
  return join(ROOT, "node_modules", ".cache", `scorecard-bench-${process.pid}`);
}

/** Bundles every child script into `outDir` (dependencies stay in node_modules); returns each one's path. */
export function bundleChildren(outDir: string): Record<ChildScript, string> {
  buildSync({
    absWorkingDir: ROOT,
    entryPoints: CHILD_SCRIPTS.map((name) => join(__dirname, `${name}.ts`)),
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    packages: "external",
    outdir: outDir,
    logLevel: "error",
  });
  const paths = {} as Record<ChildScript, string>;
  for (const name of CHILD_SCRIPTS) paths[name] = join(outDir, `${name}.js`);
  return paths;
}
