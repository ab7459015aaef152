/**
 * The `--pairs FILE` format of `npm run bench:schedule`: one meeting a line, `supplierId buyerId`,
 * separated by spaces or tabs; blank lines and lines starting with `#` are skipped. Bounded before any
 * work: file size, number of lines, id length and characters; a bad line is refused with its number.
 */

export const PAIRS_LIMITS = {
  maxBytes: 64 * 1024 * 1024,
  maxLines: 2_000_000,
  maxIdLength: 64,
} as const;
const ID_PATTERN = /^[\p{L}\p{N}_.:@-]+$/u;

export class PairsFileError extends Error {}

/** Parses the text of a pairs file (`name` is used in messages). Throws PairsFileError. */
export function parsePairs(
  text: string,
  name: string,
  limits: { maxBytes: number; maxLines: number; maxIdLength: number } = PAIRS_LIMITS,
): Array<{ id: string; a: string; b: string }> {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limits.maxBytes)
    throw new PairsFileError(`${name}: ${bytes} bytes, more than the ${limits.maxBytes} allowed`);
  const lines = text.split(/\r?\n/);
  if (lines.length > limits.maxLines + 1)
    throw new PairsFileError(`${name}: more than ${limits.maxLines} lines`);
  const meetings: Array<{ id: string; a: string; b: string }> = [];
  const seen = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const where = `${name}:${i + 1}`;
    const parts = line.split(/\s+/);
    if (parts.length !== 2)
      throw new PairsFileError(`${where}: expected "supplierId buyerId", got ${parts.length} fields`);
    const [a, b] = parts as [string, string];
    for (const id of [a, b]) {
      if (id.length > limits.maxIdLength)
        throw new PairsFileError(`${where}: id longer than ${limits.maxIdLength} characters`);
      if (!ID_PATTERN.test(id))
        throw new PairsFileError(`${where}: id "${id}" has characters other than letters, digits, _ . : @ -`);
    }
    if (a === b) throw new PairsFileError(`${where}: ${a} cannot meet itself`);
    if (seen.has(`${a}\u0000${b}`) || seen.has(`${b}\u0000${a}`))
      throw new PairsFileError(`${where}: the pair ${a} ${b} is already listed`);
    seen.add(`${a}\u0000${b}`);
    meetings.push({ id: String(meetings.length), a, b });
  }
  return meetings;
}
