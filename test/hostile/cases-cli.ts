/** Hostile invocations: special files, odd paths, symlinks, terminal escapes, injection, usage errors. */
import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { editedPackage } from "../workbook/exceljs/read-helpers";
import { bookBytes, check, expectCli, scorecardBook, type HostileCase } from "./case";
import { fileState } from "./cli-run";

async function book(dir: string, name = "book.xlsx", units?: readonly string[]): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, units ? await editedPackage(scorecardBook(units), {}) : await bookBytes());
  return path;
}

/** Raw control characters a terminal would act on. */
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Unit names smuggling OSC 0, CSI 2J, OSC 52, a C1 CSI and a bidi override, through Excel's _xHHHH_ escapes. */
async function escapeBook(dir: string): Promise<string> {
  const tokens: Record<string, string> = {
    TITLE: "_x001B_]0;pwned_x0007_",
    CLEAR: "_x001B_[2J_x001B_]52;c;ZWNobyBoaQ==_x0007_",
    CSI: "\u009b31m\u202e",
  };
  const path = join(dir, "escapes.xlsx");
  writeFileSync(
    path,
    await editedPackage(scorecardBook(["高新区TITLE", "经开区CLEAR", "城东区CSI"]), {
      "xl/sharedStrings.xml": (x) =>
        Object.entries(tokens).reduce((t, [k, v]) => t.split(k).join(v), x),
    })
  );
  return path;
}

const noActive = (text: string, what: string): void =>
  check(!ACTIVE.test(text), `${what} carries a raw control character`);

export const CLI_CASES: HostileCase[] = [
  {
    id: "S01",
    category: "special file",
    input: "a FIFO given as the workbook (and as --rules)",
    expected: "exit 2 at once: not a regular file (FIFO); never waits for a writer",
    run: async (dir) => {
      const fifo = join(dir, "pipe.xlsx");
      execFileSync("mkfifo", [fifo]);
      await expectCli(["check", fifo], { exit: [2], stderr: /not a regular file \(FIFO\)/ });
      await expectCli(["assess", await book(dir), "--rules", fifo], {
        exit: [2],
        stderr: /not a regular file \(FIFO\)/,
      });
    },
  },
  {
    id: "S02",
    category: "special file",
    input: "/dev/zero, /dev/null and /dev/urandom",
    expected: "exit 2 at once: not a regular file (device)",
    run: async () => {
      for (const device of ["/dev/zero", "/dev/null", "/dev/urandom"])
        await expectCli(["check", device], { exit: [2], stderr: /not a regular file \(device\)/ });
    },
  },
  {
    id: "S03",
    category: "special file",
    input: "a directory, and a directory named book.xlsx",
    expected: "exit 2: is a directory",
    run: async (dir) => {
      mkdirSync(join(dir, "book.xlsx"));
      for (const path of [dir, join(dir, "book.xlsx")])
        await expectCli(["assess", path], { exit: [2], stderr: /is a directory/ });
    },
  },
  {
    id: "S04",
    category: "special file",
    input: "a Unix socket",
    expected: "exit 2 at once: not a regular file (socket)",
    run: async (dir) => {
      const path = join(dir, "sock.xlsx");
      const server = createServer();
      await new Promise<void>((resolve) => server.listen(path, resolve));
      try {
        await expectCli(["check", path], { exit: [2], stderr: /not a regular file \(socket\)/ });
      } finally {
        server.close();
      }
    },
  },
  {
    id: "P01",
    category: "path",
    input: "a path with spaces, CJK, quotes and a leading dash (./-x.xlsx)",
    expected: "read normally; a bare -x.xlsx is an unknown option (exit 2), ./-x.xlsx is a file",
    run: async (dir) => {
      const odd = await book(dir, "招商 \"台账\" 'v2'.xlsx");
      await expectCli(["check", odd], { exit: [0, 1], stdout: /目标分解表/ });
      const dash = await book(dir, "-x.xlsx");
      await expectCli(["check", dash.replace(/.*\//, "-")], { exit: [2] });
      await expectCli(["check", `${dir}/./-x.xlsx`], { exit: [0, 1] });
    },
  },
  {
    id: "P02",
    category: "path",
    input: 'an empty path, and --out "" / --out "  "',
    expected:
      'exit 2: no file name was given / --out needs a value (was: "cannot write : file not found")',
    run: async (dir) => {
      const input = await book(dir);
      await expectCli(["check", ""], { exit: [2], stderr: /no file name was given/ });
      for (const out of ["", "  "])
        await expectCli(["assess", input, "--out", out], {
          exit: [2],
          stderr: /--out .*needs a value/,
          unchanged: [input],
        });
      await expectCli(["merge", input, "--out", ""], { exit: [2], stderr: /needs a value/ });
    },
  },
  {
    id: "P03",
    category: "path",
    input: "a path of 5,000 characters",
    expected: "exit 2: path too long",
    run: async (dir) => {
      await expectCli(["check", join(dir, `${"长".repeat(5000)}.xlsx`)], {
        exit: [2],
        stderr: /path too long|file not found/,
      });
    },
  },
  {
    id: "P04",
    category: "path",
    input: "--out pointing at a directory, or at the input itself",
    expected: "exit 2: not a regular file / use --in-place; the input untouched",
    run: async (dir) => {
      const input = await book(dir);
      await expectCli(["assess", input, "--out", dir], {
        exit: [2],
        stderr: /is a directory|not a regular file/,
        unchanged: [input],
      });
      await expectCli(["assess", input, "--out", input], {
        exit: [2],
        stderr: /--in-place/,
        unchanged: [input],
      });
    },
  },
  {
    id: "P05",
    category: "path",
    input: "a file name holding ESC ] 0 ; … BEL",
    expected: "the error message escapes it (\\u001b…), the terminal title is untouched",
    run: async (dir) => {
      const r = await expectCli(["check", join(dir, "\u001b]0;title\u0007.xlsx")], { exit: [2] });
      noActive(r.stderr, "stderr");
      check(r.stderr.includes("\\u001b]0;title\\u0007"), "the escaped name is not shown");
    },
  },
  {
    id: "L01",
    category: "symlink",
    input: "a symlink to a workbook; a symlink to /dev/zero",
    expected: "the workbook is read through the link; the device is refused (exit 2)",
    run: async (dir) => {
      const target = await book(dir);
      symlinkSync(target, join(dir, "link.xlsx"));
      symlinkSync("/dev/zero", join(dir, "zero.xlsx"));
      await expectCli(["check", join(dir, "link.xlsx")], {
        exit: [0, 1],
        stdout: /目标分解表/,
        unchanged: [target],
      });
      await expectCli(["check", join(dir, "zero.xlsx")], {
        exit: [2],
        stderr: /not a regular file \(device\)/,
      });
    },
  },
  {
    id: "L02",
    category: "symlink",
    input: "a symlink loop and a dangling symlink",
    expected: "exit 2: too many levels of symbolic links / file not found",
    run: async (dir) => {
      symlinkSync(join(dir, "loop.xlsx"), join(dir, "loop.xlsx"));
      symlinkSync(join(dir, "gone.xlsx"), join(dir, "dangling.xlsx"));
      await expectCli(["check", join(dir, "loop.xlsx")], { exit: [2], stderr: /symbolic links/ });
      await expectCli(["check", join(dir, "dangling.xlsx")], {
        exit: [2],
        stderr: /file not found/,
      });
    },
  },
  {
    id: "L03",
    category: "symlink",
    input: "--out is a symlink to another file of the user's",
    expected: "the file the link points to is never written through the link",
    run: async (dir) => {
      const input = await book(dir);
      const precious = join(dir, "precious.docx");
      writeFileSync(precious, "the user's document");
      const link = join(dir, "out.xlsx");
      symlinkSync(precious, link);
      const before = fileState(precious);
      await expectCli(["assess", input, "--out", link], { exit: [0, 1, 2], unchanged: [input] });
      check(fileState(precious) === before, "the symlink's target was modified");
    },
  },
  {
    id: "E01",
    category: "terminal escape",
    input:
      "unit names with OSC 0 (title), CSI 2J (clear), OSC 52 (clipboard), C1 CSI and a bidi override",
    expected:
      "check and assess print them escaped (\\u001b…); no control character reaches the terminal",
    run: async (dir) => {
      const path = await escapeBook(dir);
      for (const command of ["check", "assess"]) {
        const r = await expectCli([command, path], { exit: [0, 1], unchanged: [path] });
        noActive(r.stdout, `${command} stdout`);
        noActive(r.stderr, `${command} stderr`);
      }
    },
  },
  {
    id: "E02",
    category: "terminal escape",
    input: "the same workbook with --json",
    expected: "valid JSON, control characters as \\u escapes, the names' data intact",
    run: async (dir) => {
      const path = await escapeBook(dir);
      for (const command of ["check", "assess"]) {
        const r = await expectCli([command, path, "--json"], { exit: [0, 1] });
        noActive(r.stdout, `${command} --json`);
        const text = JSON.stringify(JSON.parse(r.stdout));
        if (command === "assess")
          check(text.includes("高新区\\u001b]0;pwned\\u0007"), "the unit name's data changed");
      }
    },
  },
  {
    id: "E03",
    category: "terminal escape",
    input: "an unknown option and an unknown command holding ESC [ 2 J",
    expected: "exit 2, the usage message escapes them",
    run: async () => {
      for (const args of [["check", "--\u001b[2J"], ["\u001b[2J"]]) {
        const r = await expectCli(args, { exit: [2] });
        noActive(r.stderr, "stderr");
      }
    },
  },
  {
    id: "E04",
    category: "terminal escape",
    input: "--rules /etc/shadow (or any non-JSON file)",
    expected:
      "exit 2 naming the file and the line/column; not one byte of it echoed (was: its first bytes)",
    run: async (dir) => {
      const shadow = join(dir, "shadow");
      writeFileSync(shadow, "root:$6$salt$SECRETHASH:19000:0:99999:7:::\n");
      const input = await book(dir);
      const r = await expectCli(["assess", input, "--rules", shadow], {
        exit: [2],
        stderr: /not valid JSON \(line 1, column 1\)/,
      });
      check(!/SECRET|root:/.test(r.stderr + r.stdout), "the file's content was echoed");
      const binary = join(dir, "rules.bin");
      writeFileSync(binary, Buffer.from([0xff, 0xfe, 0, 1, 2]));
      await expectCli(["assess", input, "--rules", binary], {
        exit: [2],
        stderr: /not UTF-8 text/,
      });
    },
  },
  {
    id: "I01",
    category: "injection",
    input: 'unit names "=1+1", "+SUM(A1)", "-2", "@cmd", "=HYPERLINK(…)"',
    expected: "read as text, ranked, and written back as text, never as formulas",
    run: async (dir) => {
      const units = ["=1+1", "+SUM(A1)", "-2", "@cmd", '=HYPERLINK("http://x","y")'];
      const input = await book(dir, "inject.xlsx", units);
      const out = join(dir, "inject.out.xlsx");
      await expectCli(["assess", input, "--out", out], { exit: [0, 1], unchanged: [input] });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const seen: string[] = [];
      for (const ws of wb.worksheets)
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            check(
              cell.type !== ExcelJS.ValueType.Formula ||
                !units.some((u) => String(cell.value).includes(u.slice(1))),
              `${ws.name}!${cell.address} became a formula`
            );
            if (typeof cell.value === "string" && units.includes(cell.value)) seen.push(cell.value);
          })
        );
      for (const u of units) check(seen.includes(u), `${u} was not written back as text`);
    },
  },
  {
    id: "I02",
    category: "injection",
    input: "names with XML specials < > & \" ' and sheet names with quotes and spaces",
    expected: "read and reported exactly; JSON stays valid",
    run: async (dir) => {
      const input = await book(dir, "xml.xlsx", ['A<b>&"c"', "d'e", " f "]);
      const r = await expectCli(["assess", input, "--json"], { exit: [0, 1] });
      const units = (
        JSON.parse(r.stdout) as { results: { units: { unit: string }[] } }
      ).results.units.map((u) => u.unit);
      check(
        units.includes('A<b>&"c"') && units.includes("d'e"),
        `units read as ${JSON.stringify(units)}`
      );
    },
  },
  {
    id: "U01",
    category: "usage",
    input: "no arguments, an unknown command, an unknown option, --as-of 2024-02-30",
    expected: "exit 2 with the usage or the reason, in zh and en",
    run: async (dir) => {
      const input = await book(dir);
      await expectCli([], { exit: [2], stderr: /Usage/ });
      await expectCli(["rank", input], { exit: [2], stderr: /unknown command/ });
      await expectCli(["assess", input, "--bogus"], { exit: [2], stderr: /unknown option/ });
      await expectCli(["assess", input, "--as-of", "2024-02-30"], {
        exit: [2],
        stderr: /valid date/,
      });
    },
  },
];
