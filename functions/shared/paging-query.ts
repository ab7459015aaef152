import * as z from 'zod/mini';

/** `cursor` and `limit` as every list endpoint takes them. */
export const pagingFields = {
  cursor: z.optional(z.string().check(z.maxLength(2048))),
  limit: z.optional(
    z.pipe(
      z.string().check(z.regex(/^\d{1,3}$/, { message: 'field.not_integer' })),
      z.pipe(z.transform(Number), z.number().check(z.gte(1), z.lte(100))),
    ),
  ),
};
