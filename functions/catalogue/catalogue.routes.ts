import { Hono } from 'hono';
import type { AppEnv } from '../api/context.ts';
import { describe } from '../shared/openapi.ts';
import { catalogue } from './catalogue.ts';

/** The catalogue the forms pick from: categories, specs with their units, skills, certificates. */
export const catalogueRoutes = new Hono<AppEnv>().get(
  '/',
  describe({
    operationId: 'catalogue',
    summary:
      'Product categories and specs (with unit, standard, smallest step), units, labour skills and certificates',
    tags: ['catalogue'],
    auth: 'public',
  }),
  (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
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
