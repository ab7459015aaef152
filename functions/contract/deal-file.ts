import type { DealFile } from './deal.ts';

/**
 * The scan or photo of a signed paper: PDF, JPEG or PNG, at most {@link MAX_DEAL_FILE_BYTES}. What a
 * file is comes from its first bytes (magic numbers), never from the name or the declared type: a
 * script renamed `contract.pdf` is refused. Pure and browser-safe.
 */

/**
 * 4 MiB: a phone photo or a scanned contract fits, and the file travels through API Gateway and
 * Lambda (6 MB payloads, binary base64-encoded: 4 MiB becomes 5.6 MB) both ways.
 */
export const MAX_DEAL_FILE_BYTES = 4 * 1024 * 1024;

export const DEAL_FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type DealFileType = DealFile['contentType'];

const EXTENSIONS: Record<DealFileType, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

/** The file's type from its magic bytes, or undefined when it is none of the three. */
export function sniffDealFile(bytes: Uint8Array): DealFileType | undefined {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return undefined;
}

export function dealFileName(dealId: string, contentType: DealFileType): string {
  return `deal-${dealId}.${EXTENSIONS[contentType]}`;
}

/** Where the bytes live in the bucket (or under the local files folder). */
export function dealFileKey(dealId: string, fileId: string): string {
  return `deals/${dealId}/${fileId}`;
}
