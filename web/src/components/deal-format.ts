import { fenToYuanText } from '../../../functions/contract/money.ts';
import { lang, langTag } from '../i18n/index.ts';

/**
 * Money of deals as people read it: from whole fen, through the exact decimal text (never a float),
 * to the locale's currency format (¥39,876.50).
 */
export function formatFen(fen: number | bigint): string {
  const text = fenToYuanText(fen);
  // Intl formats a decimal string exactly (Intl.NumberFormat v3); the cast is for the older typings.
  return new Intl.NumberFormat(langTag(lang()), {
    style: 'currency',
    currency: 'CNY',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(text as unknown as number);
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(0)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

export const FILE_TYPE_LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};
