import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../functions/api/deps.ts';
import { createFullApp } from '../../functions/api/sheet-modules.ts';
import { writeSheet } from '../../functions/imports/workbook.ts';
import { workerSheetIO } from '../../functions/local/sheet-worker-io.ts';
import { makeOrg } from '../setup/fixtures.ts';
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

/** The local server parses spreadsheets on a worker thread (functions/local/stack.ts). */
describe('spreadsheets on a worker thread (local server)', () => {
  const sheets = workerSheetIO();
  let app: ReturnType<typeof createFullApp>;
  let token: string;
  let reads = 0;

  beforeAll(async () => {
    const ctx = await freshTable();
    const counted = {
      ...sheets,
      read: (...args: Parameters<typeof sheets.read>) => {
        reads += 1;
        return sheets.read(...args);
      },
    };
    const deps: Deps = { ...ctx.deps, sheets: counted };
    app = createFullApp(() => deps);
    ({ token } = await makeOrg(ctx.deps, { adcode: '350403' }));
  });
  afterAll(() => sheets.close());

  it('reads and writes .xlsx files like the inline code does', async () => {
    const rows = [HEADER, ['HRB400E Φ25', 1200, '吨', '三明市三元区', 300, new Date('2030-03-15'), null]];

    const data = await sheets.write(rows, 'xlsx', { sheetName: 'supply' });
    const back = await sheets.read(data, 'xlsx');

    expect(back).toEqual([
      HEADER,
      ['HRB400E Φ25', 1200, '吨', '三明市三元区', 300, new Date('2030-03-15'), null],
    ]);
  });

  it('keeps answering other requests while a 2,000-row upload is parsed', async () => {
    // Arrange
    const rows = [
      [...HEADER, '联系人', '联系电话'],
      ...Array.from({ length: 2000 }, (_, i) => [
        'HRB400E Φ25',
        1000 + i,
        '吨',
        '福建省三明市三元区',
        300,
        '2030-03-15',
        '2030-05-15',
        '林工',
        '13905981234',
      ]),
    ];
    const file = await writeSheet(rows, 'xlsx');
    const order: string[] = [];
    reads = 0;

    // Act
    const upload = Promise.resolve(
      app.request('/api/imports?kind=supply&format=xlsx', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
        body: file as BodyInit,
      }),
    ).then((res) => {
      order.push('upload');
      return res;
    });
    const health = Promise.resolve(app.request('/api/health')).then((res) => {
      order.push('health');
      return res;
    });
    const [uploaded, healthy] = await Promise.all([upload, health]);

    // Assert
    expect(healthy.status).toBe(200);
    expect(order).toEqual(['health', 'upload']);
    expect(uploaded.status).toBe(201);
    expect(await uploaded.json()).toMatchObject({ totalRows: 2000, goodRows: 2000 });
    expect(reads).toBe(1);
  });

  it('answers a file it cannot read with the documented 400, and keeps working', async () => {
    const bad = await app.request('/api/imports?kind=supply&format=xlsx', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: new TextEncoder().encode('not a zip file') as BodyInit,
    });
    const data = await sheets.write([HEADER], 'csv');

    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('bad_file');
    expect(new TextDecoder().decode(data)).toContain('产品规格');
  });
});
