import { benchFilesFor } from "/work/wt-bench/scripts/bench/files";
void (async () => {
  for (const a of process.argv.slice(2)) {
    const [r, u] = a.split("x").map(Number);
    const t = Date.now();
    await benchFilesFor(r!, u!);
    console.log(a, (Date.now() - t) / 1000, "s");
  }
})();
