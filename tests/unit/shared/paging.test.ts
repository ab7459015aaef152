import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../functions/contract/errors.ts';
import { decodeCursor, encodeCursor } from '../../../functions/shared/db/paging.ts';

const expected = {
  partitionAttribute: 'gsi1pk',
  partitionValue: 'ORG#o1#LISTINGS',
  attributes: ['pk', 'sk', 'gsi1pk', 'gsi1sk'],
  sort: { attribute: 'gsi1sk', prefix: 'supply#open#' },
};
const lastKey = (sortValue: string) => ({
  pk: { S: 'LISTING#l1' },
  sk: { S: 'LISTING' },
  gsi1pk: { S: 'ORG#o1#LISTINGS' },
  gsi1sk: { S: sortValue },
});

function refusal(cursor: string, options: Parameters<typeof decodeCursor>[1] = expected): unknown {
  try {
    decodeCursor(cursor, options);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('page cursors', () => {
  it('give back exactly the key they were made from, for any sort value in the query', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200, unit: 'grapheme' }), (tail) => {
        const key = lastKey(`supply#open#${tail}`);
        expect(decodeCursor(encodeCursor(key), expected)).toEqual(key);
      }),
    );
  });

  it('mean "from the start" when absent, and end the list when there is no last key', () => {
    expect(decodeCursor(undefined, expected)).toBeUndefined();
    expect(decodeCursor('', expected)).toBeUndefined();
    expect(encodeCursor(undefined)).toBeUndefined();
  });

  it('are refused on the cursor field (400), never a 500, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        fc.pre(text !== '');
        const error = refusal(text);
        if (error === undefined) return; // a random text that happens to be a valid cursor is fine
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).fields).toEqual([{ field: 'cursor', key: 'field.invalid_format' }]);
      }),
    );
  });

  it("are refused for another partition, other attributes, or outside the query's sort range", () => {
    const other = encodeCursor({ ...lastKey('supply#open#x'), gsi1pk: { S: 'ORG#o2#LISTINGS' } })!;
    expect(refusal(other)).toBeInstanceOf(ValidationError);
    const { gsi1sk: _, ...fewer } = lastKey('supply#open#x');
    expect(refusal(encodeCursor(fewer)!)).toBeInstanceOf(ValidationError);
    expect(refusal(encodeCursor(lastKey('demand#open#x'))!)).toBeInstanceOf(ValidationError);
    const between = { ...expected, sort: { attribute: 'gsi1sk', between: ['2027-01', '2027-12'] as const } };
    expect(decodeCursor(encodeCursor(lastKey('2027-06'))!, between)).toEqual(lastKey('2027-06'));
    expect(refusal(encodeCursor(lastKey('2028-01'))!, between)).toBeInstanceOf(ValidationError);
    expect(refusal(Buffer.from('[1,2]').toString('base64url'))).toBeInstanceOf(ValidationError);
    expect(
      refusal(encodeCursor({ ...lastKey('supply#open#x'), pk: { S: 'x'.repeat(1025) } })!),
    ).toBeInstanceOf(ValidationError);
  });
});
