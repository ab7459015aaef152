import { adminCreateOrgSchemaWith } from '../contract/admin.schema.ts';
import { adcode } from '../shared/schema-fields.ts';

/**
 * The admin's schemas live in the browser-safe contract (functions/contract/admin.schema.ts); on the
 * server a department's jurisdiction must also name a real division.
 */
export {
  type AdminCreateOrgInput,
  passwordResetSchema,
  platformRolesSchema,
  userStatusSchema,
} from '../contract/admin.schema.ts';

export const adminCreateOrgSchema = adminCreateOrgSchemaWith(adcode);
