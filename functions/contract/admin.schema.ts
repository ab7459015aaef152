import * as z from 'zod/mini';
import { newUserSchema, orgProfileSchema } from './org.schema.ts';
import { PLATFORM_ROLES } from './principal.ts';
import { adcode, password } from './schema-fields.ts';

/**
 * What the platform admin submits to run the platform: organisations (organizer departments with
 * the region they serve), roles, a user's status and password. Browser-safe: the admin pages check
 * a form with these before sending it; the API checks the same (and that an adcode is a real division).
 */
/**
 * Built with the adcode field in use: the contract's (its form) in the browser, the server's (also a
 * real division) in the API. A department (kind organizer) names the region it serves; no other
 * organisation has one. That the region contains the department's seat is checked by the API.
 */
export function adminCreateOrgSchemaWith(region: typeof adcode) {
  return z
    .strictObject({
      org: orgProfileSchema,
      /** For an organizer department: the province, city or county it serves (6-digit adcode). */
      jurisdiction: z.optional(region),
      admin: newUserSchema,
      /** Checked straight away (the admin created it from the registry). Default true. */
      verified: z.optional(z.boolean()),
    })
    .check(
      z.superRefine((value, ctx) => {
        const organizer = value.org.kinds.includes('organizer');
        if (organizer && value.jurisdiction === undefined) {
          ctx.issues.push({
            code: 'custom',
            message: 'field.required',
            input: value,
            path: ['jurisdiction'],
          });
        }
        if (!organizer && value.jurisdiction !== undefined) {
          ctx.issues.push({
            code: 'custom',
            message: 'field.jurisdiction_not_organizer',
            input: value,
            path: ['jurisdiction'],
          });
        }
      }),
    );
}

export const adminCreateOrgSchema = adminCreateOrgSchemaWith(adcode);

export const platformRolesSchema = z.strictObject({
  platformRoles: z.array(z.enum(PLATFORM_ROLES)).check(
    z.maxLength(PLATFORM_ROLES.length),
    z.refine((list) => new Set(list).size === list.length, { message: 'field.invalid_value' }),
  ),
});

export const userStatusSchema = z.strictObject({ disabled: z.boolean() });

export const passwordResetSchema = z.strictObject({ password });

export type AdminCreateOrgInput = z.output<typeof adminCreateOrgSchema>;
export type AdminCreateOrgRequest = z.input<typeof adminCreateOrgSchema>;
