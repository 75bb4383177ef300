/** Levenshtein distance over code points; stops early and returns `max + 1` once `max` is exceeded. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  const s = Array.from(a);
  const t = Array.from(b);
  if (Math.abs(s.length - t.length) > max) return max + 1;
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  let prev = new Array<number>(t.length + 1);
  let curr = new Array<number>(t.length + 1);
  for (let j = 0; j <= t.length; j++) prev[j] = j;
  for (let i = 1; i <= s.length; i++) {
    curr[0] = i;
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      const v = Math.min(
        (prev[j] as number) + 1,
        (curr[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost
      );
      curr[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, curr] = [curr, prev];
  }
  return prev[t.length] as number;
}

/** The candidate nearest to `word` within `max` edits, ties broken by list order; null when none is close. */
export function closest(
  word: string,
  candidates: Iterable<string>,
  max: number
): { value: string; distance: number } | null {
  let best: { value: string; distance: number } | null = null;
  for (const c of candidates) {
    const d = editDistance(word, c, best ? Math.min(max, best.distance) : max);
    if (d <= max && (best === null || d < best.distance)) best = { value: c, distance: d };
  }
  return best;
}
