import { describe, expect, it } from 'vitest';
import type { Deps } from '../../functions/api/deps.ts';
import { createFullApp as createApp } from '../../functions/api/sheet-modules.ts';
import { describedRoutes, openApiDocument } from '../../functions/shared/openapi.ts';

const app = createApp(() => ({ config: { webOrigins: [], stage: 'test' } }) as unknown as Deps);

describe('OpenAPI document', () => {
  it('describes every route the app serves', () => {
    const undocumented = describedRoutes(app)
      .filter((r) => !r.doc)
      .map((r) => `${r.method} ${r.path}`);
    expect(undocumented).toEqual([]);
  });

  it('is OpenAPI 3.1 with one operation per route and unique operation ids', () => {
    const doc = openApiDocument(app, { title: 't', version: '1' });
    const operations = Object.values(doc.paths).flatMap((p) => Object.values(p)) as { operationId: string }[];
    expect(doc.openapi).toBe('3.1.0');
    expect(operations.length).toBe(describedRoutes(app).length);
    expect(new Set(operations.map((o) => o.operationId)).size).toBe(operations.length);
  });

  it('carries request schemas from the validation wrappers', () => {
    const doc = openApiDocument(app, { title: 't', version: '1' }) as unknown as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: { properties: object } }> } }>
      >;
    };
    const signIn = doc.paths['/api/auth/sign-in']!.post!;
    expect(Object.keys(signIn.requestBody!.content['application/json']!.schema.properties)).toEqual([
      'email',
      'password',
    ]);
  });
});
