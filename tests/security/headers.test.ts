import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { type AttributeValue, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../functions/local/demo-data.ts';
import { keys } from '../../functions/shared/db/keys.ts';
import { describedRoutes } from '../../functions/shared/openapi.ts';
import { apiClient } from '../setup/api-client.ts';
import { makeOrg, PASSWORD } from '../setup/fixtures.ts';
import { freshTable } from '../setup/test-table.ts';
import { dumpTable } from './table-dump.ts';
import { freshCreditCode, uniqueEmail } from './world.ts';

/**
 * Web security of the API and the repository: security headers on every answer, CORS only for
 * the configured web origins, tokens that expire and are bound to their issuer, no secrets in the
 * repository or the web bundle, and passwords stored only as scrypt hashes.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const WEB_ORIGIN = 'https://gongxu.example.cn';

function expectSecurityHeaders(headers: Headers, what: string): void {
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
  const hsts = headers.get('strict-transport-security') ?? '';
  expect(Number(/max-age=(\d+)/.exec(hsts)?.[1] ?? 0), `${what}: HSTS max-age`).toBeGreaterThanOrEqual(
    31_536_000,
  );
  expect(hsts, what).toContain('includeSubDomains');
  const csp = headers.get('content-security-policy') ?? '';
  expect(csp, `${what}: CSP`).toContain("frame-ancestors 'none'");
  expect(csp, `${what}: CSP`).toContain("default-src 'none'");
  expect(headers.get('x-frame-options'), what).toMatch(/^(DENY|SAMEORIGIN)$/);
  expect(headers.get('referrer-policy'), what).toBe('no-referrer');
}

describe('security headers', () => {
  let ctx: Awaited<ReturnType<typeof freshTable>>;
  let token: string;

  beforeAll(async () => {
    ctx = await freshTable();
    token = (await makeOrg(ctx.deps, { creditCode: freshCreditCode() })).token;
  });

  it('sends nosniff, HSTS, a frame-ancestors none CSP and no-referrer on every operation, answered or refused', async () => {
    // Arrange: every documented route, with placeholder ids, signed in and not.
    const routes = describedRoutes(ctx.app);
    const api = apiClient(ctx.app);

    for (const route of routes) {
      const path = route.path.replace(/\{\w+\}/g, '01M8409QBA70DPR57M745HA5G2');
      for (const caller of [token, null]) {
        // Act
        const response = await api.call(route.method, path, {
          token: caller,
          body: route.method === 'GET' ? undefined : {},
        });

        // Assert
        expectSecurityHeaders(response.headers, `${route.method} ${path} → ${response.status}`);
      }
    }
  });

  it('sends them on answers no route gives: unknown paths, bad JSON, bad tokens, oversized bodies', async () => {
    // Arrange
    const api = apiClient(ctx.app);

    // Act
    const answers = await Promise.all([
      api.get('/api/no-such-route'),
      api.call('POST', '/api/listings', { token, rawBody: '{"kind":' }),
      api.get('/api/me', { token: 'not-a-token' }),
      api.call('POST', '/api/listings', { token, rawBody: JSON.stringify({ note: 'x'.repeat(300_000) }) }),
    ]);

    // Assert
    expect(answers.map((a) => a.status)).toEqual([404, 400, 401, 413]);
    for (const answer of answers) expectSecurityHeaders(answer.headers, String(answer.status));
  });
});

describe('CORS', () => {
  let app: Awaited<ReturnType<typeof freshTable>>['app'];
  let unconfigured: Awaited<ReturnType<typeof freshTable>>['app'];

  beforeAll(async () => {
    app = (await freshTable({ config: { webOrigins: [WEB_ORIGIN] } })).app;
    unconfigured = (await freshTable({ config: { webOrigins: [] } })).app;
  });

  const foreignOrigins = [
    'https://evil.example',
    `${WEB_ORIGIN}.evil.example`,
    'https://evil.example/https://gongxu.example.cn',
    'http://gongxu.example.cn',
    'https://gongxu.example.cn:8443',
    'https://sub.gongxu.example.cn',
    'null',
    '*',
  ];

  it.each(foreignOrigins)(
    'grants no access to the foreign origin %s, on a request or a preflight',
    async (origin) => {
      // Act
      const simple = await app.request('/api/health', { headers: { origin } });
      const preflight = await app.request('/api/listings', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization',
        },
      });

      // Assert
      expect(simple.headers.get('access-control-allow-origin')).toBeNull();
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    },
  );

  it('grants the configured web origin exactly, without credentials', async () => {
    // Act
    const simple = await app.request('/api/health', { headers: { origin: WEB_ORIGIN } });
    const preflight = await app.request('/api/listings', {
      method: 'OPTIONS',
      headers: { origin: WEB_ORIGIN, 'access-control-request-method': 'POST' },
    });

    // Assert
    expect(simple.headers.get('access-control-allow-origin')).toBe(WEB_ORIGIN);
    expect(simple.headers.get('vary')).toContain('Origin');
    expect(preflight.headers.get('access-control-allow-origin')).toBe(WEB_ORIGIN);
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('grants no origin at all when WEB_ORIGINS is empty (same-origin only)', async () => {
    // Act
    const answer = await unconfigured.request('/api/health', { headers: { origin: WEB_ORIGIN } });

    // Assert
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('tokens', () => {
  it('expire: a token is refused once its lifetime (and the 5 s clock tolerance) is over', async () => {
    // Arrange
    const ctx = await freshTable({ config: { tokenTtlSeconds: 1 } });
    const made = await makeOrg(ctx.deps, { creditCode: freshCreditCode() });
    const api = apiClient(ctx.app, { token: made.token });
    const fresh = await api.get('/api/me');
    const signedIn = await api.post<{ expiresAt: string }>('/api/auth/sign-in', {
      email: made.user.email,
      password: PASSWORD,
    });
    const expiresAt = Date.parse(signedIn.body.expiresAt);

    // Act: wait past expiry plus the verifier's clock tolerance.
    await new Promise((r) => setTimeout(r, Math.max(0, expiresAt + 5_000 + 1_500 - Date.now())));
    const late = await api.get<{ error: { code: string } }>('/api/me');

    // Assert
    expect(fresh.status).toBe(200);
    expect(expiresAt - Date.now()).toBeLessThan(0);
    expect(late.status).toBe(401);
    expect(late.body.error.code).toBe('token_invalid');
  }, 20_000);

  it("are bound to the deployment that issued them: another deployment's token is refused", async () => {
    // Arrange: two deployments, each with its own signing key.
    const here = await freshTable();
    const elsewhere = await freshTable();
    const stranger = await makeOrg(elsewhere.deps, { creditCode: freshCreditCode() });

    // Act
    const answer = await apiClient(here.app, { token: stranger.token }).get('/api/me');

    // Assert
    expect(answer.status).toBe(401);
  });
});

// ── Secrets ──────────────────────────────────────────────────────────────────────────────────────

/** Patterns are assembled from parts so this file does not match itself. */
const SECRET_PATTERNS: readonly [string, RegExp][] = [
  ['AWS access key id', new RegExp(`\\b(${['AK', 'IA'].join('')}|ASIA|ABIA|ACCA)[A-Z0-9]{16}\\b`)],
  ['AWS secret access key', /aws_?secret_?access_?key\s*[:=]\s*['"]?[A-Za-z0-9/+=]{40}/i],
  ['PEM private key or certificate block', new RegExp(`${'-'.repeat(5)}BEGIN [A-Z0-9 ]+${'-'.repeat(5)}`)],
  [
    'JSON web token',
    new RegExp(`${'ey'}J[A-Za-z0-9_-]{10,}\\.${'ey'}J[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{16,}`),
  ],
  ['Slack or GitHub token', /\b(xox[abpr]-[A-Za-z0-9-]{10,}|gh[pousr]_[A-Za-z0-9]{30,})/],
];

/** A password (or secret) literal assigned in code or configuration. */
const PASSWORD_LITERAL =
  /(?:pass(?:word)?|passwd|pwd|secret|api_?key|auth_?token)\w*['"]?\s*[:=]\s*['"`]([^\s'"`]{8,})['"`]/gi;
const ENV_SECRET = /^\s*(?:export\s+)?\w*(?:PASSWORD|SECRET|TOKEN|API_KEY)\w*\s*=\s*([^\s'"$]{8,})/gm;

/** Passwords documented as public: the demo accounts' (README). */
const DOCUMENTED_PASSWORDS = new Set([DEMO_PASSWORD]);

function looksLikePassword(value: string): boolean {
  return /[A-Za-z]/.test(value) && /[0-9!@#$%^&*_+=?.~-]/.test(value) && !/^[A-Z_]+$/.test(value);
}

/** Tracked files and files about to be (untracked but not ignored), as the repository would ship. */
function repositoryFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
  }).toString('utf8');
  return [...new Set(out.split('\0').filter(Boolean))].filter((f) => existsSync(join(ROOT, f)));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function textOf(path: string): string | undefined {
  const bytes = readFileSync(path);
  return bytes.includes(0) ? undefined : bytes.toString('utf8');
}

/** Every finding in `text`: secret patterns always; password literals unless `allowTestPasswords`. */
function findSecrets(name: string, text: string, options: { allowTestPasswords: boolean }): string[] {
  const findings: string[] = [];
  for (const [label, pattern] of SECRET_PATTERNS) if (pattern.test(text)) findings.push(`${name}: ${label}`);
  if (!options.allowTestPasswords) {
    for (const pattern of [PASSWORD_LITERAL, ENV_SECRET]) {
      for (const match of text.matchAll(pattern)) {
        const value = match[1]!;
        if (looksLikePassword(value) && !DOCUMENTED_PASSWORDS.has(value))
          findings.push(`${name}: password literal`);
      }
    }
  }
  return findings;
}

describe('secrets', () => {
  it('recognises what it looks for (planted samples, assembled so the repository holds none)', () => {
    // Arrange
    const samples = [
      `const key = '${['AK', 'IA'].join('')}${'IOSFODNN7EXAMPLE'}';`,
      `aws_secret_access_key = ${'wJalrXUtnFEMI/K7MDENG/bPxRfiCY'}${'EXAMPLEKEY'}`,
      `${'-'.repeat(5)}BEGIN EC PRIVATE KEY${'-'.repeat(5)}`,
      `token: '${'ey'}JhbGciOiJFUzI1NiJ9.${'ey'}JzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ'`,
      `const adminPassword = '${'hunter2'}-${'Hunter2'}';`,
      `DB_PASSWORD=${'s3cret'}-${'value'}`,
    ];

    // Act
    const found = samples.map(
      (sample) => findSecrets('sample', sample, { allowTestPasswords: false }).length,
    );
    const demo = findSecrets('sample', `password: '${DEMO_PASSWORD}'`, { allowTestPasswords: false });

    // Assert
    expect(
      found.every((n) => n > 0),
      JSON.stringify(found),
    ).toBe(true);
    expect(demo).toEqual([]);
  });

  it('finds no keys, tokens or undocumented passwords in the repository', () => {
    // Arrange
    const files = repositoryFiles();

    // Act: test fixtures may carry throwaway passwords for in-memory tables; nothing else may.
    const findings = files.flatMap((file) => {
      const text = textOf(join(ROOT, file));
      return text === undefined
        ? []
        : findSecrets(file, text, { allowTestPasswords: file.startsWith('tests/') });
    });

    // Assert
    expect(files.length).toBeGreaterThan(50);
    expect(findings).toEqual([]);
  });

  it('finds no keys, tokens or passwords (not even the demo one) in the built web bundle, if there is one', () => {
    // Arrange
    const dist = join(ROOT, 'web/dist');
    const files = existsSync(dist) ? filesUnder(dist) : [];

    // Act
    const findings = files.flatMap((path) => {
      const text = textOf(path);
      if (text === undefined) return [];
      const name = relative(ROOT, path);
      return [
        ...findSecrets(name, text, { allowTestPasswords: false }),
        ...(text.includes(DEMO_PASSWORD) ? [`${name}: the demo password`] : []),
        ...(/scrypt\$\d+\$/.test(text) ? [`${name}: a password hash`] : []),
      ];
    });

    // Assert
    expect(findings).toEqual([]);
  });
});

// ── Passwords at rest ────────────────────────────────────────────────────────────────────────────

describe('passwords at rest', () => {
  let ctx: Awaited<ReturnType<typeof freshTable>>;

  beforeAll(async () => {
    ctx = await freshTable();
  });

  async function storedUser(userId: string): Promise<Record<string, AttributeValue>> {
    const out = await ctx.deps.table.client.send(
      new GetItemCommand({
        TableName: ctx.deps.table.name,
        Key: { pk: { S: keys.user(userId).pk }, sk: { S: 'USER' } },
      }),
    );
    if (!out.Item) throw new Error(`no user item for ${userId}`);
    return out.Item;
  }

  it('stores a self-describing scrypt hash, salted, and never the password itself', async () => {
    // Arrange: two users with the same password.
    const first = await makeOrg(ctx.deps, { creditCode: freshCreditCode() });
    const added = await apiClient(ctx.app, { token: first.token }).post<{ id: string }>(
      `/api/orgs/${first.org.id}/users`,
      {
        name: '同事',
        email: uniqueEmail('hash'),
        password: PASSWORD,
        orgRole: 'member',
      },
    );

    // Act
    const items = [await storedUser(first.user.id), await storedUser(added.body.id)];
    const table = [...(await dumpTable(ctx.deps)).values()].join('\n');

    // Assert
    const hashes = items.map((item) => item.passwordHash?.S ?? '');
    for (const hash of hashes) {
      expect(hash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9_-]{16,}\$[A-Za-z0-9_-]{40,}$/);
      expect(hash).not.toContain(PASSWORD);
    }
    expect(hashes[0]).not.toBe(hashes[1]);
    expect(table).not.toContain(PASSWORD);
  });

  it('never returns the hash: registering, signing in, me, the user list and adding a user', async () => {
    // Arrange
    const api = apiClient(ctx.app);
    const email = uniqueEmail('reg');
    const registered = await api.post<{ session: { token: string }; org: { id: string } }>(
      '/api/orgs/register',
      {
        org: {
          name: '哈希测试企业',
          creditCode: freshCreditCode(),
          kinds: ['manufacturer'],
          adcode: '350102',
          contact: { name: '钱工', phone: '13700002222' },
        },
        admin: { name: '钱七', email, password: PASSWORD },
      },
    );
    const as = apiClient(ctx.app, { token: registered.body.session.token });

    // Act
    const answers = [
      registered,
      await api.post('/api/auth/sign-in', { email, password: PASSWORD }),
      await as.get('/api/me'),
      await as.get(`/api/orgs/${registered.body.org.id}/users`),
      await as.post(`/api/orgs/${registered.body.org.id}/users`, {
        name: '同事',
        email: uniqueEmail('added'),
        password: PASSWORD,
        orgRole: 'member',
      }),
    ];

    // Assert
    expect(answers.map((a) => a.status)).toEqual([201, 200, 200, 200, 201]);
    for (const answer of answers) {
      const text = JSON.stringify(answer.body);
      expect(text).not.toContain('passwordHash');
      expect(text).not.toContain('scrypt$');
      expect(text).not.toContain(PASSWORD);
    }
  });
});
