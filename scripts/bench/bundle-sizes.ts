/**
 * Gzipped sizes of the production build (`npm run build` → dist/): the initial JS each page loads (the scripts
 * its HTML names) and every lazily loaded chunk. SPEC §8: initial JS ≤ 300 KB gzipped.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export const INITIAL_BUDGET_KB = 300;
export const PAGES = {
  taskpane: "taskpane.html",
  commands: "commands.html",
  web: "index.html",
} as const;

export interface BundleReport {
  /** Gzipped KB of the scripts each page's HTML loads, and their names. */
  readonly initial: Record<keyof typeof PAGES, { readonly kb: number; readonly files: string[] }>;
  /** Gzipped KB of each lazy chunk (dist/chunks). */
  readonly chunks: readonly { readonly file: string; readonly kb: number }[];
}

function gzKb(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length / 1024;
}

/** Null when there is no build to measure. */
export function bundleSizes(dist: string): BundleReport | null {
  if (!existsSync(join(dist, PAGES.taskpane))) return null;
  const initial = {} as Record<keyof typeof PAGES, { kb: number; files: string[] }>;
  for (const [page, html] of Object.entries(PAGES) as [keyof typeof PAGES, string][]) {
    const text = readFileSync(join(dist, html), "utf8");
    // Minified HTML leaves attribute values unquoted: <script defer src=taskpane.99bc1920.js>.
    const files = [...text.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+\.js)/g)]
      .map((m) => (m[1] ?? "").replace(/^\.?\//, ""))
      .filter((f) => !/^https?:/.test(f) && existsSync(join(dist, f)));
    initial[page] = { kb: files.reduce((n, f) => n + gzKb(join(dist, f)), 0), files };
  }
  const chunkDir = join(dist, "chunks");
  const chunks = existsSync(chunkDir)
    ? readdirSync(chunkDir)
        .filter((f) => f.endsWith(".js"))
        .map((f) => ({ file: `chunks/${f}`, kb: gzKb(join(chunkDir, f)) }))
        .sort((a, b) => b.kb - a.kb)
    : [];
  return { initial, chunks };
}
