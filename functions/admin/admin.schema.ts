import * as z from 'zod/mini';
import { PLATFORM_ROLES } from '../auth/principal.ts';
import { newUserSchema, orgProfileSchema } from '../orgs/org.schema.ts';
import { adcode, password } from '../shared/schema-fields.ts';

/**
 * What the platform admin submits to run the platform: organisations (organizer departments with
 * the region they serve), roles, a user's status and password. Browser-safe (the admin pages use it).
 */
export const adminCreateOrgSchema = z.strictObject({
  org: orgProfileSchema,
  /** For an organizer department: the province, city or county it serves (6-digit adcode). */
  jurisdiction: z.optional(adcode),
  admin: newUserSchema,
  /** Checked straight away (the admin created it from the registry). Default true. */
  verified: z.optional(z.boolean()),
});

export const platformRolesSchema = z.strictObject({
  platformRoles: z.array(z.enum(PLATFORM_ROLES)).check(
    z.maxLength(PLATFORM_ROLES.length),
    z.refine((list) => new Set(list).size === list.length, { message: 'field.invalid_value' }),
  ),
});

export const userStatusSchema = z.strictObject({ disabled: z.boolean() });

export const passwordResetSchema = z.strictObject({ password });

export type AdminCreateOrgInput = z.output<typeof adminCreateOrgSchema>;
