/**
 * Delta debugging (Zeller's ddmin, greedy) of a document on which a property holds: lines are taken out while it
 * still holds, then single characters. What is left is where a fuzz failure comes from (a generated document of
 * forty lines usually shrinks to a handful of characters).
 */
export function minimise(text: string, holds: (text: string) => boolean): string {
  const lines = shrink(text.split('\n'), '\n', holds);
  return shrink([...lines.join('\n')], '', holds).join('');
}

/** The smallest sublist of `units` (joined with `sep`) found on which `holds` still holds. */
function shrink(units: string[], sep: string, holds: (text: string) => boolean): string[] {
  let parts = 2;
  while (units.length >= 2) {
    const size = Math.ceil(units.length / parts);
    let smaller: string[] | undefined;
    for (let i = 0; i < units.length && !smaller; i += size) {
      const rest = units.slice(0, i).concat(units.slice(i + size));
      if (rest.length > 0 && holds(rest.join(sep))) smaller = rest;
    }
    if (smaller) {
      units = smaller;
      parts = Math.max(parts - 1, 2);
    } else if (parts >= units.length) {
      break;
    } else {
      parts = Math.min(units.length, parts * 2);
    }
  }
  return units;
}
