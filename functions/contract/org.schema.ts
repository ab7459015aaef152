import * as z from 'zod/mini';
import { ORG_KINDS } from './org.ts';
import { adcode, creditCode, email, password, phone, text } from './schema-fields.ts';

export const contactSchema = z.strictObject({
  name: text(50),
  phone,
  email: z.optional(email),
});

const kinds = z.array(z.enum(ORG_KINDS)).check(
  z.minLength(1),
  z.maxLength(ORG_KINDS.length),
  z.refine((list) => new Set(list).size === list.length, { message: 'field.invalid_value' }),
);

export const orgProfileSchema = z.strictObject({
  name: text(100, 2),
  creditCode,
  kinds,
  adcode,
  contact: contactSchema,
});

export const orgUpdateSchema = z.partial(
  z.strictObject({
    name: text(100, 2),
    kinds,
    adcode,
    contact: contactSchema,
  }),
);

export const newUserSchema = z.strictObject({
  name: text(50),
  email,
  password,
});

export const registrationSchema = z.strictObject({
  org: orgProfileSchema,
  admin: newUserSchema,
  /** For an organisation an organizer already listed: the invitation code it was given. */
  inviteCode: z.optional(z.string().check(z.minLength(6), z.maxLength(20))),
});

export const memberSchema = z.strictObject({
  name: text(50),
  email,
  password,
  orgRole: z.enum(['member', 'org_admin']),
});

export type OrgProfileInput = z.output<typeof orgProfileSchema>;
export type OrgUpdateInput = z.output<typeof orgUpdateSchema>;
export type RegistrationInput = z.output<typeof registrationSchema>;
