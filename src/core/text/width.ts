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

export function toHalfWidth(text: string): string {
  let out = "";
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= FULL_START && code <= FULL_END) {
      const mapped = EXTRA[text[i] as string];
      out += mapped ?? String.fromCharCode(code - FULL_OFFSET);
      changed = true;
      continue;
    }
    const ch = text[i] as string;
    const mapped = code < 0x3000 && code !== 0xa0 && code !== 0x5b && code !== 0x5d && code !== 0x7b && code !== 0x7d ? undefined : EXTRA[ch];
    if (mapped !== undefined) {
      out += mapped;
      changed = true;
    } else out += ch;
  }
  return changed ? out : text;
}
