import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppEnv } from '../api/context.ts';
import { NotFoundError } from '../shared/errors.ts';
import { describe } from '../shared/openapi.ts';
import { query } from '../shared/validation.ts';
import { childrenOf, getRegion } from './regions.ts';

const childrenQuery = z.strictObject({ parent: z.optional(z.string().check(z.regex(/^\d{6}$/))) });

export const regionRoutes = new Hono<AppEnv>().get(
  '/',
  describe({
    operationId: 'listRegions',
    summary: 'Administrative divisions under a parent (default 100000: the provinces)',
    tags: ['regions'],
    auth: 'public',
  }),
  query(childrenQuery),
  (c) => {
    const parent = c.req.valid('query').parent ?? '100000';
    if (parent !== '100000' && !getRegion(parent)) throw new NotFoundError();
    c.header('Cache-Control', 'public, max-age=86400');
    return c.json({
      parent,
      items: childrenOf(parent).map((r) => ({
        adcode: r.adcode,
        name: r.name,
        level: r.level,
        lat: r.lat,
        lng: r.lng,
      })),
    });
  },
);
