import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../functions/api/deps.ts';
import { createFullApp } from '../../functions/api/sheet-modules.ts';
import { SHEET_LIMITS } from '../../functions/imports/sheet-limits.ts';
import { workerSheetIO } from '../../functions/local/sheet-worker-io.ts';
import { type HostileSheet, hostileSheets, refusalOf } from '../security/hostile-sheets.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { inlineRow, rawXlsx } from '../setup/raw-xlsx.ts';
import { freshTable } from '../setup/test-table.ts';

const HEADER = [
  '产品规格',
  '可供数量',
  '单位',
  '出厂地点',
  '配送半径（公里）',
  '供货开始日期',
  '供货截止日期',
];

interface ErrorBody {
  error: {
    code: string;
    messages: { zh: string; en: string };
    fields?: { field: string; code: string; messages: { zh: string; en: string } }[];
  };
}

/**
 * Uploads over the sheet limits through the API as the local server runs it (spreadsheets on the
 * worker thread): refused with the limit named, nothing stored, and the API keeps answering.
 */
describe('sheet limits at the API (issue 12)', () => {
  const sheets = workerSheetIO();
  let app: ReturnType<typeof createFullApp>;
  let token: string;
  let hostile: HostileSheet[];

  beforeAll(async () => {
    const ctx = await freshTable();
    const deps: Deps = { ...ctx.deps, sheets };
    app = createFullApp(() => deps);
    ({ token } = await makeOrg(ctx.deps, { adcode: '350403' }));
    hostile = await hostileSheets(1);
  });
  afterAll(() => sheets.close());

  const upload = (sheet: { bytes: Uint8Array; format: string }, lang = 'zh') =>
    app.request(`/api/imports?kind=supply&format=${sheet.format}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/octet-stream',
        'accept-language': lang,
      },
      body: sheet.bytes as BodyInit,
    });

  it("answers the issue's 6.5 KB file with a 400 naming the file, the limit and the cell, in both languages, and stores no import", async () => {
    // Arrange
    const bytes = await rawXlsx({
      sheets: [
        {
          name: '供应',
          body: `<sheetData>${inlineRow(1, HEADER)}<row r="2500"><c r="CRD2500"><v>1</v></c></row></sheetData>`,
        },
      ],
    });

    // Act
    const res = await upload({ bytes, format: 'xlsx' }, 'en');
    const imports = await app.request('/api/imports', { headers: { authorization: `Bearer ${token}` } });

    // Assert
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.fields).toEqual([
      expect.objectContaining({
        field: 'file',
        code: 'sheet_columns',
        messages: {
          zh: '工作表“供应”用到第 2500 列（CRD2500），超过上限 100 列：请删除多余的列（包括只有格式的空列）',
          en: 'sheet "供应" reaches column 2500 (CRD2500), beyond the limit of 100 columns: delete the extra columns (formatted empty ones too)',
        },
      }),
    ]);
    expect(((await imports.json()) as { items: unknown[] }).items).toEqual([]);
  });

  it('refuses every hostile shape with its reason, while health answers between them', async () => {
    // Arrange
    const healthAnswers: number[] = [];
    let uploadsDone = false;
    const probe = (async () => {
      // Health is asked again and again until the uploads are all answered: each must be a 200.
      while (!uploadsDone) {
        const res = await app.request('/api/health');
        healthAnswers.push(res.status);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();

    // Act: all at once, as an attacker would.
    const answers = await Promise.all(
      hostile.map(async (sheet) => {
        const res = await upload(sheet);
        return `${sheet.label} → ${res.status} ${refusalOf((await res.json()) as ErrorBody)}`;
      }),
    );
    uploadsDone = true;
    await probe;

    // Assert
    expect(answers).toEqual(hostile.map((s) => `${s.label} → 400 ${s.refusal}`));
    expect(healthAnswers.length).toBeGreaterThan(hostile.length);
    expect(new Set(healthAnswers)).toEqual(new Set([200]));
  });

  it('still takes a sheet that reaches the last allowed row', async () => {
    const bytes = await rawXlsx({
      sheets: [
        {
          body: `<sheetData>${inlineRow(1, [...HEADER, '联系人', '联系电话'])}${inlineRow(2, ['HRB400E Φ25', 1200, '吨', '福建省三明市三元区', 300, '2027-03-15', '2027-05-15', '林工', '13905981234'])}<row r="${SHEET_LIMITS.rows}"/></sheetData>`,
        },
      ],
    });
    const res = await upload({ bytes, format: 'xlsx' });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ totalRows: 1, goodRows: 1 });
  });
});
