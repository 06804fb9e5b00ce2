/**
 * Bounded edit distance (Levenshtein) for "did you mean" fixes: gives up (returns max + 1) as soon as
 * the distance must exceed `max`, so scoring thousands of candidates stays cheap.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length > b.length) [a, b] = [b, a];
  let prev = new Array<number>(a.length + 1);
  let cur = new Array<number>(a.length + 1);
  for (let i = 0; i <= a.length; i++) prev[i] = i;
  for (let j = 1; j <= b.length; j++) {
    cur[0] = j;
    let rowMin = cur[0];
    const cb = b.charCodeAt(j - 1);
    for (let i = 1; i <= a.length; i++) {
      const cost = a.charCodeAt(i - 1) === cb ? 0 : 1;
      cur[i] = Math.min(prev[i] + 1, cur[i - 1] + 1, prev[i - 1] + cost);
      if (cur[i] < rowMin) rowMin = cur[i];
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[a.length];
}

/** The closest candidate to `wanted` (case-insensitive), if it is close enough to be a plausible typo; ties by name order. */
export function closest(wanted: string, candidates: Iterable<string>, key: (c: string) => string = c => c): string | undefined {
  let best: string | undefined;
  for (const c of closestAll(wanted, candidates, key)) if (best === undefined || c < best) best = c;
  return best;
}

/** Every candidate as close to `wanted` as the closest one (case-insensitive, within `closest`'s typo bound), in their order. */
export function closestAll(wanted: string, candidates: Iterable<string>, key: (c: string) => string = c => c): string[] {
  const w = wanted.toLowerCase();
  const max = Math.max(2, Math.floor(w.length * 0.4));
  let ties: string[] = [];
  let bestD = max;
  for (const c of candidates) {
    const d = editDistance(w, key(c).toLowerCase(), bestD);
    if (d < bestD) {
      bestD = d;
      ties = [c];
    } else if (d === bestD) ties.push(c);
  }
  return ties;
}
