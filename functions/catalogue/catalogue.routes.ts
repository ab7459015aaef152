import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppEnv } from '../api/context.ts';
import { principalOf } from '../api/context.ts';
import { describe } from '../shared/openapi.ts';
import { text } from '../shared/schema-fields.ts';
import { jsonBody } from '../shared/validation.ts';
import type { AdditionKind } from './catalogue-additions.repo.ts';
import { addCatalogueEntry } from './catalogue-commands.ts';

const slug = z.string().check(z.regex(/^[a-z0-9][a-z0-9.\-_]{0,79}$/, { message: 'field.invalid_format' }));
const localText = z.strictObject({ zh: text(100), en: text(100) });
const positive = z.number().check(z.positive(), z.lte(1e6));

const specSchema = z.strictObject({
  id: slug,
  category: slug,
  product: slug,
  name: localText,
  unit: slug,
  standard: z.optional(text(100)),
  step: positive,
  freightCnyPerUnitKm: z.number().check(z.gte(0), z.lte(1000)),
  deliveryRadiusKm: z.number().check(z.gte(1), z.lte(5000)),
});
const skillSchema = z.strictObject({
  id: slug,
  name: localText,
  sector: z.enum(['manufacturing', 'construction', 'logistics', 'services']),
  aliases: z.array(text(50)).check(z.maxLength(20)),
  requires: z.array(slug).check(z.maxLength(10)),
});
const certificateSchema = z.strictObject({ id: slug, name: localText, issuer: localText });
const substitutionSchema = z.strictObject({ supply: slug, demand: slug, basis: localText });

/** The catalogue the forms pick from: categories, specs with their units, skills, certificates. */
function addRoute(kind: AdditionKind, path: string, schema: z.ZodMiniType, summary: string) {
  return [
    path,
    describe({
      operationId: `add${kind[0]!.toUpperCase()}${kind.slice(1)}`,
      summary,
      tags: ['catalogue'],
      auth: 'user',
      responses: { 201: 'Added', 409: 'An entry with that id exists' },
    }),
    jsonBody(schema),
  ] as const;
}

async function addEntry(
  c: Parameters<typeof principalOf>[0],
  kind: AdditionKind,
  entry: Record<string, unknown>,
) {
  await addCatalogueEntry(c.get('deps'), principalOf(c), kind, entry);
  return c.json(entry, 201);
}

export const catalogueRoutes = new Hono<AppEnv>()
  .post(...addRoute('spec', '/specs', specSchema, 'Add a product spec (organizers, admins)'), (c) =>
    addEntry(c, 'spec', { ...(c.req.valid('json') as Record<string, unknown>), attributes: {} }),
  )
  .post(...addRoute('skill', '/skills', skillSchema, 'Add a labour skill (organizers, admins)'), (c) =>
    addEntry(c, 'skill', c.req.valid('json') as Record<string, unknown>),
  )
  .post(
    ...addRoute('certificate', '/certificates', certificateSchema, 'Add a certificate (organizers, admins)'),
    (c) => addEntry(c, 'certificate', c.req.valid('json') as Record<string, unknown>),
  )
  .post(
    ...addRoute(
      'substitution',
      '/substitutions',
      substitutionSchema,
      'Add a substitution rule (organizers, admins)',
    ),
    (c) => addEntry(c, 'substitution', c.req.valid('json') as Record<string, unknown>),
  )
  .get(
    '/',
    describe({
      operationId: 'catalogue',
      summary:
        'Product categories and specs (with unit, standard, smallest step), units, labour skills and certificates',
      tags: ['catalogue'],
      auth: 'public',
    }),
    async (c) => {
      const catalogue = await c.get('deps').catalogue.current();
      c.header('Cache-Control', 'public, max-age=60');
      return c.json({
        categories: catalogue.categories,
        specs: catalogue.specs.map((s) => ({
          id: s.id,
          category: s.category,
          product: s.product,
          name: s.name,
          unit: s.unit,
          standard: s.standard,
          step: s.step,
          deliveryRadiusKm: s.deliveryRadiusKm,
        })),
        units: catalogue.units.map((u) => ({
          id: u.id,
          name: u.name,
          symbol: u.symbol,
          dimension: u.dimension,
        })),
        skills: catalogue.skills.map((s) => ({
          id: s.id,
          name: s.name,
          sector: s.sector,
          requires: s.requires,
        })),
        certificates: catalogue.certificates.map((c) => ({ id: c.id, name: c.name })),
      });
    },
  );
