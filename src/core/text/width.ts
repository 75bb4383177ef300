/**
 * Full-width → half-width. Chinese input methods produce full-width digits, letters and punctuation
 * (１２、（亿元）、：) that must match their ASCII forms.
 */
const FULL_START = 0xff01;
const FULL_END = 0xff5e;
const FULL_OFFSET = 0xfee0;

/** Brackets and marks that are not in the full-width block but mean the same thing in a header. */
const EXTRA: Readonly<Record<string, string>> = {
  "\u3000": " ",
  "【": "(",
  "】": ")",
  "〔": "(",
  "〕": ")",
  "［": "(",
  "］": ")",
  "「": "(",
  "」": ")",
  "〈": "(",
  "〉": ")",
  "《": "(",
  "》": ")",
  "[": "(",
  "]": ")",
  "{": "(",
  "}": ")",
  "、": ",",
  "，": ",",
  "。": ".",
  "﹐": ",",
  "－": "-",
  "～": "~",
  "\u00a0": " ",
};

function needsMapping(code: number): boolean {
  return (
    (code >= FULL_START && code <= FULL_END) ||
    code === 0x3000 ||
    code === 0xa0 ||
    code === 0x5b ||
    code === 0x5d ||
    code === 0x7b ||
    code === 0x7d ||
    (code >= 0x3001 && code <= 0x3015)
  );
}

export function toHalfWidth(text: string): string {
  // Most cells need nothing: scan first, build a new string only when a character changes.
  let i = 0;
  while (i < text.length && !needsMapping(text.charCodeAt(i))) i++;
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const ch = text[i] as string;
    if (!needsMapping(code)) {
      out += ch;
      continue;
    }
    const mapped = EXTRA[ch];
    if (mapped !== undefined) out += mapped;
    else if (code >= FULL_START && code <= FULL_END) out += String.fromCharCode(code - FULL_OFFSET);
    else out += ch;
  }
  return out;
}
