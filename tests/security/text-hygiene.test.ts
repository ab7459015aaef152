import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  creditCodeCheckChar,
  makeCreditCode,
  orgCodeCheckChar,
} from '../../functions/contract/credit-code.ts';
import { isRealDivision } from '../../functions/contract/divisions.ts';
import { parseInput } from '../../functions/contract/parse-input.ts';
import { creditCode, textIssue } from '../../functions/contract/schema-fields.ts';
import type { ImportJob } from '../../functions/imports/import-job.ts';
import regions from '../../functions/regions/cn-regions.json' with { type: 'json' };
import { apiClient } from '../setup/api-client.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { supplyBody } from '../setup/listing-inputs.ts';
import { freshTable } from '../setup/test-table.ts';

/**
 * Text hygiene (issue 12): names made only of invisible or text-direction characters, lone
 * surrogates, line breaks in an organisation's name — refused with the field and the reason, by the
 * one rule (`textIssue`, functions/contract/schema-fields.ts) that the forms, the API and the import share.
 */
const REFUSED: [string, string][] = [
  ['\u200B', 'invisible_only'],
  ['\u200B\u200C\u200D\uFEFF', 'invisible_only'],
  ['\u3164\u3164', 'invisible_only'],
  ['\u2800', 'invisible_only'],
  ['\u00AD\u034F', 'invisible_only'],
  ['\u202E', 'bidi_control'],
  ['甲钢铁\u202E司公限有', 'bidi_control'],
  ['\u2066甲\u2069', 'bidi_control'],
  ['\uD800', 'lone_surrogate'],
  ['甲\uDC00钢铁', 'lone_surrogate'],
  ['甲钢铁\n有限公司', 'control_chars'],
  ['甲钢铁\r有限公司', 'control_chars'],
  ['甲\t钢铁', 'control_chars'],
];
const ACCEPTED = ['甲钢铁有限公司', 'Ｓａｎｍｉｎｇ Steel', '👨‍🔧 维修班', 'Ali\u200Dyev', '三明 钢铁'];

describe('text hygiene: one rule for forms, API and import', () => {
  it('names the reason for every refused kind of text and accepts real names', () => {
    expect(REFUSED.map(([text]) => textIssue(text)?.replace('field.', ''))).toEqual(
      REFUSED.map(([, why]) => why),
    );
    expect(ACCEPTED.map(textIssue)).toEqual(ACCEPTED.map(() => undefined));
  });

  it('refuses any text made only of invisible characters (property)', () => {
    const invisible = fc.constantFrom(
      '\u200B',
      '\u200C',
      '\u200D',
      '\u2060',
      '\uFEFF',
      '\u00AD',
      '\u3164',
      '\u2800',
      '\u180E',
      '\u00A0',
      '\u3000',
    );
    fc.assert(
      fc.property(fc.array(invisible, { minLength: 1, maxLength: 12 }), (chars) => {
        expect(textIssue(chars.join(''))).toBeDefined();
      }),
      { seed: 12, numRuns: 200 },
    );
  });

  it('refuses them at the API with the field and the reason, in both languages, and changes nothing', async () => {
    // Arrange
    const ctx = await freshTable();
    const firm = await makeOrg(ctx.deps, {
      creditCode: makeCreditCode({ region: '350403', seed: 61 }),
      name: '甲钢铁有限公司',
    });
    const api = apiClient(ctx.app, { token: firm.token });

    for (const [text, why] of REFUSED) {
      // Act
      const res = await api.patch<{
        error: { fields: { field: string; code: string; messages: { zh: string; en: string } }[] };
      }>(`/api/orgs/${firm.org.id}`, { name: text });
      // Assert
      expect(res.status, JSON.stringify(text)).toBe(400);
      expect(
        res.body.error.fields.map((f) => `${f.field} ${f.code}`),
        JSON.stringify(text),
      ).toContain(`name ${why}`);
    }
    const res = await api.patch<{ error: { fields: { messages: { zh: string; en: string } }[] } }>(
      `/api/orgs/${firm.org.id}`,
      {
        contact: { name: '\u200B', phone: '13800000000' },
      },
    );
    expect(res.body.error.fields[0]!.messages).toEqual({
      zh: '不能只含空白或不可见字符',
      en: 'cannot be only blank or invisible characters',
    });
    expect((await ctx.deps.orgs.get(firm.org.id))!.name).toBe('甲钢铁有限公司');
  });

  it("refuses an imported firm's name with a line break or nothing visible, on its column, and creates no organisation", async () => {
    // Arrange
    const ctx = await freshTable();
    const organizer = await makeOrg(ctx.deps, {
      creditCode: '11350000003588110J',
      kinds: ['organizer'],
      platformRoles: ['organizer'],
    });
    const codes = [61, 62, 63].map((seed) => makeCreditCode({ region: '350403', seed: seed + 100 }));
    const row = (name: string, code: string) =>
      `${name},${code},HRB400E Φ25,800,吨,福建省三明市三元区,300,2027-03-15,2027-05-15,3950,张三,13800000000`;
    const csv = [
      '企业名称,统一社会信用代码,产品规格,可供数量,单位,出厂地点,配送半径（公里）,供货开始日期,供货截止日期,单价（元）,联系人,联系电话',
      row('"三明钢铁\n有限公司"', codes[0]!),
      row('\u200B\u200B', codes[1]!),
      row('三明\u202E钢铁', codes[2]!),
    ].join('\n');

    // Act
    const res = await apiClient(ctx.app, { token: organizer.token }).call<
      ImportJob & { errors: { row: number; column: string; code: string }[] }
    >('POST', '/api/imports?kind=supply&format=csv', {
      rawBody: csv,
      contentType: 'application/octet-stream',
    });
    const done = await apiClient(ctx.app, { token: organizer.token }).post<ImportJob>(
      `/api/imports/${res.body.id}/commit`,
    );

    // Assert
    expect(res.body.errors.map((e) => `${e.row} ${e.column} ${e.code}`)).toEqual([
      '2 企业名称 control_chars',
      '3 企业名称 invisible_only',
      '4 企业名称 bidi_control',
    ]);
    expect(done.body).toMatchObject({ committedRows: 0, invitedOrgs: 0 });
    for (const code of codes) expect(await ctx.deps.orgs.findByCreditCode(code)).toBeUndefined();
  });

  /** A code with both check characters right, for any six characters in the division part. */
  const withDivision = (division: string, seed = 7): string => {
    const body = makeCreditCode({ seed }).slice(8, 16);
    const first17 = `91${division}${body}${orgCodeCheckChar(body)}`;
    return `${first17}${creditCodeCheckChar(first17)}`;
  };
  const FAKE_DIVISIONS = ['999999', '000000', '359900', '990000', '123456', '350000'.replace('35', '98')];

  it('refuses a credit code whose division part (characters 3–8) is no real division, naming it, and accepts every division of the region table', () => {
    for (const division of FAKE_DIVISIONS) {
      const issues = (() => {
        try {
          parseInput(creditCode, withDivision(division));
          return [];
        } catch (error) {
          return (error as { fields: { key: string; params?: { division?: string } }[] }).fields;
        }
      })();
      expect(issues, division).toEqual([
        expect.objectContaining({ key: 'field.credit_code_division', params: { division } }),
      ]);
    }
    for (const { adcode } of regions as { adcode: string }[]) {
      expect(isRealDivision(adcode), adcode).toBe(true);
    }
    // Nationally registered, and a county merged away since its office issued the code (梅列区, 莱芜市).
    for (const division of ['100000', '350402', '371202'])
      expect(isRealDivision(division), division).toBe(true);
  });

  it('refuses it at registration and in an organizer import, on the field, and creates nothing', async () => {
    // Arrange
    const ctx = await freshTable();
    const organizer = await makeOrg(ctx.deps, {
      creditCode: '11350000003588110J',
      kinds: ['organizer'],
      platformRoles: ['organizer'],
    });
    const fake = withDivision('999999', 71);
    const registration = {
      org: {
        name: '虚构区划有限公司',
        creditCode: fake,
        kinds: ['manufacturer'],
        adcode: '350102',
        contact: { name: '赵工', phone: '13700001111' },
      },
      admin: { name: '赵六', email: 'fake-division@example.com', password: 'Gongxu2020!demo' },
    };
    const csv = [
      '企业名称,统一社会信用代码,产品规格,可供数量,单位,出厂地点,配送半径（公里）,供货开始日期,供货截止日期,单价（元）,联系人,联系电话',
      `虚构区划有限公司,${withDivision('359900', 72)},HRB400E Φ25,800,吨,福建省三明市三元区,300,2027-03-15,2027-05-15,3950,张三,13800000000`,
    ].join('\n');

    // Act
    const registered = await apiClient(ctx.app, { lang: 'en' }).post<{
      error: { fields: { field: string; code: string; message: string }[] };
    }>('/api/orgs/register', registration);
    const imported = await apiClient(ctx.app, { token: organizer.token }).call<
      ImportJob & { errors: { row: number; column: string; code: string; message?: string }[] }
    >('POST', '/api/imports?kind=supply&format=csv', {
      rawBody: csv,
      contentType: 'application/octet-stream',
    });

    // Assert
    expect(registered.status).toBe(400);
    expect(registered.body.error.fields).toEqual([
      expect.objectContaining({
        field: 'org.creditCode',
        code: 'credit_code_division',
        message:
          'characters 3–8 of the credit code (999999) are not a real administrative division; check the code',
      }),
    ]);
    expect(await ctx.deps.orgs.findByCreditCode(fake)).toBeUndefined();
    expect(imported.body.errors.map((e) => `${e.row} ${e.column} ${e.code}`)).toEqual([
      '2 统一社会信用代码 credit_code_division',
    ]);
  });

  it('refuses a PATCH that leaves a latitude without its longitude (or the reverse), naming the missing one, and changes nothing', async () => {
    // Arrange
    const ctx = await freshTable();
    const firm = await makeOrg(ctx.deps, { creditCode: makeCreditCode({ region: '350403', seed: 81 }) });
    const api = apiClient(ctx.app, { token: firm.token, lang: 'en' });
    const bare = (await api.post<{ id: string; version: number }>('/api/listings', supplyBody())).body;
    const pinned = (
      await api.post<{ id: string; version: number }>(
        '/api/listings',
        supplyBody({ lat: 26.26, lng: 117.64 }),
      )
    ).body;
    type Refusal = { error: { fields: { field: string; code: string; message: string }[] } };

    // Act
    const latOnly = await api.patch<Refusal>(`/api/listings/${bare.id}`, { lat: 26.2 });
    const lngOnly = await api.patch<Refusal>(`/api/listings/${bare.id}`, { lng: 117.6 });
    const clearOne = await api.patch<Refusal>(`/api/listings/${pinned.id}`, { lng: null });
    const moveOne = await api.patch<{ lat: number; lng: number }>(`/api/listings/${pinned.id}`, {
      lat: 26.3,
    });
    const both = await api.patch<{ lat: number; lng: number }>(`/api/listings/${bare.id}`, {
      lat: 26.2,
      lng: 117.6,
    });
    const created = await api.post<Refusal>('/api/listings', supplyBody({ lng: 117.6 }));

    // Assert
    const named = (r: { body: Refusal }) => r.body.error.fields.map((f) => `${f.field} ${f.code}`);
    expect([latOnly.status, lngOnly.status, clearOne.status, created.status]).toEqual([400, 400, 400, 400]);
    expect(named(latOnly)).toEqual(['lng point_pair']);
    expect(named(lngOnly)).toEqual(['lat point_pair']);
    expect(named(clearOne)).toEqual(['lng point_pair']);
    expect(named(created)).toEqual(['lat point_pair']);
    expect(latOnly.body.error.fields[0]!.message).toBe(
      'latitude and longitude go together: give both or neither',
    );
    expect(moveOne.body).toMatchObject({ lat: 26.3, lng: 117.64 });
    expect(both.body).toMatchObject({ lat: 26.2, lng: 117.6 });
    const after = await ctx.deps.listings.get(pinned.id);
    expect(after).toMatchObject({ lat: 26.3, lng: 117.64 });
  });
});
