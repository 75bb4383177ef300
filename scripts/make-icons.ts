/**
 * Draws the add-in icon (a podium of three bars on a rounded blue tile: ranking at a glance) at every size
 * the manifest asks for. Deterministic: run `npx tsx scripts/make-icons.ts` and commit assets/*.png.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";

const SIZES = [16, 32, 64, 80, 128] as const;
const SUPERSAMPLE = 4;

type Rgba = readonly [number, number, number, number];
const TILE: Rgba = [0x1f, 0x5f, 0xa8, 255];
const BAR: Rgba = [255, 255, 255, 255];
const GOLD: Rgba = [0xf2, 0xb1, 0x34, 255];

/** Shape test in unit coordinates (0..1, y down). */
function paint(x: number, y: number): Rgba | null {
  const r = 0.2;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  const bars: ReadonlyArray<readonly [number, number, number]> = [
    [0.16, 0.36, 0.55], // second place
    [0.4, 0.6, 0.3], // first place
    [0.64, 0.84, 0.68], // third place
  ];
  for (const [left, right, top] of bars)
    if (x >= left && x <= right && y >= top && y <= 0.84) return BAR;
  // A star-ish dot above the winner's bar.
  if ((x - 0.5) ** 2 + (y - 0.19) ** 2 <= 0.075 ** 2) return GOLD;
  return TILE;
}

function render(size: number): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const c = paint(
            (px + (sx + 0.5) / SUPERSAMPLE) / size,
            (py + (sy + 0.5) / SUPERSAMPLE) / size
          );
          if (!c) continue;
          for (let i = 0; i < 3; i++) acc[i]! += c[i]! * c[3];
          acc[3]! += c[3];
        }
      }
      const n = SUPERSAMPLE * SUPERSAMPLE;
      const alpha = acc[3]! / n;
      const o = py * (size * 4 + 1) + 1 + px * 4;
      for (let i = 0; i < 3; i++) raw[o + i] = alpha === 0 ? 0 : Math.round(acc[i]! / acc[3]!);
      raw[o + 3] = Math.round(alpha);
    }
  }
  return encodePng(size, size, raw);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(width: number, height: number, raw: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const outDir = join(__dirname, "..", "assets");
for (const size of SIZES) writeFileSync(join(outDir, `icon-${size}.png`), render(size));
