import { describe, expect, it } from 'vitest';
import { dealFileName, sniffDealFile } from '../../../functions/deals/deal-file.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('the file of a signed paper', () => {
  it.each([
    ['a PDF', new TextEncoder().encode('%PDF-1.7\n'), 'application/pdf'],
    ['a JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), 'image/jpeg'],
    ['a PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), 'image/png'],
  ])('knows %s by its first bytes', (_, file, type) => {
    expect(sniffDealFile(file)).toBe(type);
  });

  it.each([
    ['HTML', new TextEncoder().encode('<html><script>alert(1)</script>')],
    ['a PDF name without the header', new TextEncoder().encode('PDF-1.7')],
    ['a truncated PNG signature', bytes(0x89, 0x50, 0x4e, 0x47)],
    ['a GIF', new TextEncoder().encode('GIF89a')],
    ['nothing', new Uint8Array()],
  ])('refuses %s', (_, file) => {
    expect(sniffDealFile(file)).toBeUndefined();
  });

  it('names the download after the deal', () => {
    expect(dealFileName('01J0', 'image/jpeg')).toBe('deal-01J0.jpg');
  });
});
