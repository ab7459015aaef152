/**
 * `npm run bench:sheets`: does the API keep answering while hostile spreadsheets are uploaded?
 *
 * Starts the whole local stack (`npm start`'s: DynamoDB Local, @hono/node-server, spreadsheets on the
 * worker thread) and, over real HTTP, measures GET /api/health alone, then while ATTACKERS clients
 * upload hostile sheets back to back (issue 12's 6.5 KB file with a cell at row 2,500, column 2,500,
 * and every shape of tests/security/hostile-sheets.ts: rows, columns, declared dimension, cells,
 * merges, cell length, zip bomb, parts). Every upload must get its 400; prints health latency
 * percentiles and refusal times. `--unbounded` also times exceljs loading the issue's file with no
 * pre-scan (seconds and gigabytes: run it on a machine with memory to spare).
 */
export {};

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const { startLocalStack } = await import('../../functions/local/stack.ts');
const { hostileSheets } = await import('../security/hostile-sheets.ts');
const { inlineRow, rawXlsx } = await import('../setup/raw-xlsx.ts');

const ATTACKERS = Number(process.argv.find((a) => a.startsWith('--attackers='))?.slice(12) ?? 4);
const UPLOADS = Number(process.argv.find((a) => a.startsWith('--uploads='))?.slice(10) ?? 200);
const HEADER = [
  '产品规格',
  '可供数量',
  '单位',
  '出厂地点',
  '配送半径（公里）',
  '供货开始日期',
  '供货截止日期',
];

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

const issueFile = await rawXlsx({
  sheets: [
    {
      name: '供应',
      body: `<sheetData>${inlineRow(1, HEADER)}<row r="2500"><c r="CRD2500"><v>1</v></c></row></sheetData>`,
    },
  ],
});
const files = [
  { label: 'issue 12: cell at CRD2500', format: 'xlsx', bytes: issueFile },
  ...(await hostileSheets(2)),
];

if (process.argv.includes('--unbounded')) {
  const ExcelJS = (await import('exceljs')).default;
  const started = performance.now();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(issueFile as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  let cells = 0;
  const columns = sheet.columnCount;
  sheet.eachRow({ includeEmpty: true }, (row) => {
    for (let c = 1; c <= columns; c++) if (row.getCell(c)) cells += 1;
  });
  console.log(
    `unbounded exceljs on the issue's ${issueFile.byteLength}-byte file: ${Math.round(performance.now() - started)} ms, ${cells} cells, RSS ${Math.round(process.memoryUsage().rss / 1e6)} MB`,
  );
}

const stack = await startLocalStack({ dataDir: null, seedDemo: true, sweepExpiry: false, streams: false });
try {
  const signIn = await fetch(`${stack.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'steel@demo.gongxu.cn', password: 'Gongxu2020!demo' }),
  });
  const { token } = (await signIn.json()) as { token: string };
  const health = async () => {
    const started = performance.now();
    const res = await fetch(`${stack.url}/api/health`);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`health answered ${res.status}`);
    return performance.now() - started;
  };

  // Warm up (the worker thread starts on first use), then health alone.
  for (let i = 0; i < 20; i++) await health();
  const quiet: number[] = [];
  for (let i = 0; i < 200; i++) quiet.push(await health());

  // Health while ATTACKERS clients upload hostile sheets back to back.
  let next = 0;
  let done = false;
  const refusals: number[] = [];
  const wrong: string[] = [];
  const attacker = async () => {
    while (next < UPLOADS) {
      const file = files[next++ % files.length]!;
      const started = performance.now();
      const res = await fetch(`${stack.url}/api/imports?kind=supply&format=${file.format}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
        body: file.bytes as BodyInit,
      });
      await res.arrayBuffer();
      refusals.push(performance.now() - started);
      if (res.status !== 400) wrong.push(`${file.label} → ${res.status}`);
    }
  };
  const underAttack: number[] = [];
  const prober = (async () => {
    while (!done) underAttack.push(await health());
  })();
  const attackStarted = performance.now();
  await Promise.all(Array.from({ length: ATTACKERS }, attacker));
  const attackMs = performance.now() - attackStarted;
  done = true;
  await prober;

  console.log(
    `health alone (200 calls): p50 ${ms(percentile(quiet, 50))}, p95 ${ms(percentile(quiet, 95))}, max ${ms(Math.max(...quiet))}`,
  );
  console.log(
    `health under ${ATTACKERS} attackers (${underAttack.length} calls): p50 ${ms(percentile(underAttack, 50))}, p95 ${ms(percentile(underAttack, 95))}, p99 ${ms(percentile(underAttack, 99))}, max ${ms(Math.max(...underAttack))}`,
  );
  console.log(
    `${refusals.length} hostile uploads (${files.length} shapes, ${(attackMs / 1000).toFixed(1)} s): refused in p50 ${ms(percentile(refusals, 50))}, p95 ${ms(percentile(refusals, 95))}, max ${ms(Math.max(...refusals))}; not refused with 400: ${wrong.length}`,
  );
  if (wrong.length > 0) {
    console.error(wrong.slice(0, 10).join('\n'));
    process.exitCode = 1;
  }
} finally {
  await stack.stop();
}
