import { describe, expect, it } from 'vitest';
import { PairsFileError, parsePairs } from '../../bench/pairs-file.ts';

describe('bench:schedule --pairs file', () => {
  it('reads one meeting a line, skipping blank lines and comments', () => {
    const meetings = parsePairs('# suppliers then buyers\nS1 B1\n\nS1\tB2\r\nS2  B1\n', 'f.txt');

    expect(meetings).toEqual([
      { id: '0', a: 'S1', b: 'B1' },
      { id: '1', a: 'S1', b: 'B2' },
      { id: '2', a: 'S2', b: 'B1' },
    ]);
  });

  it('refuses a line without exactly two ids, naming the line', () => {
    expect(() => parsePairs('S1 B1\nS2\n', 'f.txt')).toThrow(
      new PairsFileError('f.txt:2: expected "supplierId buyerId", got 1 fields'),
    );
  });

  it('refuses an id that is too long or has other characters, a self-meeting and a repeated pair', () => {
    expect(() => parsePairs(`${'x'.repeat(65)} B1`, 'f')).toThrow('f:1: id longer than 64 characters');
    expect(() => parsePairs('S1 B<1>', 'f')).toThrow('f:1: id "B<1>" has characters');
    expect(() => parsePairs('S1 S1', 'f')).toThrow('f:1: S1 cannot meet itself');
    expect(() => parsePairs('S1 B1\nB1 S1', 'f')).toThrow('f:2: the pair B1 S1 is already listed');
  });

  it('refuses a file over the size or line limits before reading its lines', () => {
    const limits = { maxBytes: 20, maxLines: 2, maxIdLength: 64 };
    expect(() => parsePairs('S1 B1\nS2 B2\nS3 B3\nS4 B4\n', 'f', limits)).toThrow(
      'f: 24 bytes, more than the 20 allowed',
    );
    expect(() => parsePairs('a b\nc d\ne f\n', 'f', limits)).toThrow('f: more than 2 lines');
  });

  it('accepts Chinese organisation names as ids', () => {
    expect(parsePairs('三明钢铁 福建交建', 'f')).toEqual([{ id: '0', a: '三明钢铁', b: '福建交建' }]);
  });
});
