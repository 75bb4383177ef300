/**
 * Range.text: what a cell shows. The emulator formats dates (the part of number formats the adapter relies on,
 * to tell the workbook's date system) and prints other values plainly.
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-text-member
 */
import { dateOfSerial, type OfficeScalar } from "./cells";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function isDateFormat(format: string): boolean {
  const bare = format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return format !== "General" && format !== "@" && /[ymdhs]/i.test(bare);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function formatDate(serial: number, format: string, date1904: boolean): string {
  const d = dateOfSerial(serial, date1904);
  const src = format.replace(/\[[^\]]*]/g, "");
  let out = "";
  let lastWasHour = false;
  for (let i = 0; i < src.length;) {
    const ch = src[i] ?? "";
    if (ch === '"') {
      const end = src.indexOf('"', i + 1);
      out += src.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? src.length : end + 1;
      continue;
    }
    if (ch === "\\") {
      out += src[i + 1] ?? "";
      i += 2;
      continue;
    }
    const run = /^(y+|m+|d+|h+|s+)/i.exec(src.slice(i))?.[0];
    if (!run) {
      out += ch;
      i++;
      continue;
    }
    const kind = run[0]?.toLowerCase();
    const n = run.length;
    if (kind === "y") out += n <= 2 ? pad(d.getUTCFullYear() % 100, 2) : String(d.getUTCFullYear());
    else if (kind === "m" && lastWasHour) out += pad(d.getUTCMinutes(), n);
    else if (kind === "m")
      out += n >= 3 ? (MONTHS[d.getUTCMonth()] ?? "") : pad(d.getUTCMonth() + 1, n);
    else if (kind === "d") out += pad(d.getUTCDate(), n);
    else if (kind === "h") out += pad(d.getUTCHours(), n);
    else out += pad(d.getUTCSeconds(), n);
    lastWasHour = kind === "h";
    i += n;
  }
  return out;
}

export function cellText(
  cell: { value: OfficeScalar; type: string; format: string },
  date1904: boolean
): string {
  if (cell.type === "Empty") return "";
  if (typeof cell.value === "boolean") return cell.value ? "TRUE" : "FALSE";
  if (typeof cell.value === "number" && isDateFormat(cell.format))
    return formatDate(cell.value, cell.format, date1904);
  return String(cell.value);
}
