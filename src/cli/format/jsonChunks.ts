/**
 * `JSON.stringify(value, null, 2)`, handed out in pieces of about `chunk` characters that each end at a line end:
 * a report with tens of thousands of diagnostics is written without ever holding its whole text (or the bytes
 * of it) in memory. Joining the pieces with `\n` gives exactly `JSON.stringify(value, null, 2)`.
 */
export function jsonChunks(value: unknown, emit: (piece: string) => void, chunk = 1 << 16): void {
  const lines: string[] = [];
  let size = 0;
  const push = (line: string) => {
    lines.push(line);
    size += line.length + 1;
    if (size >= chunk) flush();
  };
  const flush = () => {
    if (lines.length) emit(lines.join('\n'));
    lines.length = 0;
    size = 0;
  };
  write(value, '', '', '', push);
  flush();
}

/** An array with this many elements (or a container holding one) is written element by element. */
const LARGE_ARRAY = 64;

/**
 * Writes `value` as the lines `JSON.stringify(value, null, 2)` gives for it at indent `indent`: the first line
 * starts with `head` (a key, or nothing), the last ends with `tail` (a comma, or nothing).
 */
function write(value: unknown, indent: string, head: string, tail: string, push: (line: string) => void): void {
  if (!holdsLargeArray(value)) {
    const text = JSON.stringify(value, null, 2);
    push(indent + head + (indent === '' ? text : text.replace(/\n/g, '\n' + indent)) + tail);
    return;
  }
  const isArray = Array.isArray(value);
  if (isArray && !value.some(holdsLargeArray)) {
    writeElements(value, indent, head, tail, push);
    return;
  }
  // as JSON.stringify lists them: array holes and undefined as null, object members that are undefined left out
  const entries: [string, unknown][] = isArray
    ? Array.from(value as unknown[], (v): [string, unknown] => ['', v === undefined || typeof v === 'function' ? null : v])
    : Object.entries(value as object).filter(([, v]) => v !== undefined && typeof v !== 'function');
  push(indent + head + (isArray ? '[' : '{'));
  entries.forEach(([key, v], i) => {
    write(v, indent + '  ', isArray ? '' : JSON.stringify(key) + ': ', i < entries.length - 1 ? ',' : '', push);
  });
  push(indent + (isArray ? ']' : '}') + tail);
}

/** Elements written per JSON.stringify call by `writeElements`. */
const BATCH = 256;

/**
 * A large array of small values, written in batches by JSON.stringify itself: each batch is nested in as many
 * single-key objects as the array is deep, so that it comes out at the right indent, and those lines are cut off.
 */
function writeElements(list: unknown[], indent: string, head: string, tail: string, push: (line: string) => void): void {
  const depth = indent.length / 2;
  push(indent + head + '[');
  for (let from = 0; from < list.length; from += BATCH) {
    let wrapped: unknown = Array.from(list.slice(from, from + BATCH), v => (typeof v === 'function' ? null : v));
    for (let d = 0; d < depth; d++) wrapped = { a: wrapped };
    const text = JSON.stringify(wrapped, null, 2);
    // the wrapper takes depth + 1 lines at each end
    let start = 0;
    for (let d = 0; d <= depth; d++) start = text.indexOf('\n', start) + 1;
    let end = text.length;
    for (let d = 0; d <= depth; d++) end = text.lastIndexOf('\n', end - 1);
    push(text.slice(start, end) + (from + BATCH < list.length ? ',' : ''));
  }
  push(indent + ']' + tail);
}

/** A plain array or object that is, or holds at any depth, an array of LARGE_ARRAY elements or more. */
function holdsLargeArray(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  if (Array.isArray(value)) return value.length >= LARGE_ARRAY || value.some(holdsLargeArray);
  for (const v of Object.values(value)) if (holdsLargeArray(v)) return true;
  return false;
}
