import * as z from 'zod/mini';
import { adcode as adcodeForm } from '../contract/schema-fields.ts';
import { isValidAdcode } from '../regions/regions.ts';

/** The shared field schemas live in the browser-safe contract; import them from there. */
export * from '../contract/schema-fields.ts';

/** On the server, an adcode must also name a real division (query parameters, server-only schemas). */
export const adcode = adcodeForm.check(z.refine(isValidAdcode, { message: 'field.adcode' }));
