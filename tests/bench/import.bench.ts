/**
 * `npm run bench:import`: a 10,000-row supply sheet (.xlsx, typed the way clerks type) uploaded,
 * checked and committed against DynamoDB Local through the real API app. Prints figures.
 */
export {};

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const { createFullApp: createApp } = await import('../../functions/api/sheet-modules.ts');
const { buildDeps } = await import('../../functions/api/deps.ts');
const { readConfig } = await import('../../functions/shared/config.ts');
const { dynamoClient } = await import('../../functions/shared/db/client.ts');
const { ensureTable } = await import('../../functions/shared/db/create-table.ts');
const { startDynamoDbLocal } = await import('../../functions/local/dynamodb-local.ts');
const { writeSheet } = await import('../../functions/imports/workbook.ts');
const { registerOrg } = await import('../../functions/orgs/register-org.ts');

const ROWS = Number(process.argv.find((a) => a.startsWith('--rows='))?.slice(7) ?? 10_000);
const SPECS = [
  'HRB400E Φ25',
  'HRB400E Φ16',
  'P.O 42.5',
  'P.O 52.5',
  'KN95口罩',
  '医用外科口罩',
  'HPB300 Φ8',
  'P.C 42.5',
];
const PLACES = [
  '福建省三明市三元区',
  '福州市鼓楼区',
  '龙岩市新罗区',
  '350582',
  '济南市历城区',
  '泉州市晋江市',
  '厦门市湖里区',
];
const QUANTITIES = ['1,200', '1.2万', '３０００', '800', '2.5万', '12000'];
const DATES_FROM = ['2030-03-15', '2030/3/16', '2030年3月17日', '20300318'];

const dynamo = await startDynamoDbLocal({ dataDir: null });
try {
  const config = {
    ...readConfig({ AUTH_MODE: 'local', TABLE_NAME: 'bench-import' }),
    dynamoEndpoint: dynamo.endpoint,
    region: 'local',
  };
  await ensureTable(dynamoClient(config), config.tableName);
  const deps = buildDeps(config);
  const app = createApp(() => deps);
  const { session } = await registerOrg(deps, {
    org: {
      name: '基准测试企业',
      creditCode: '913504001581427114',
      kinds: ['manufacturer'],
      adcode: '350403',
      contact: { name: '林工', phone: '13905981234' },
    },
    admin: { name: '林工', email: 'bench@example.cn', password: 'bench-password-1' },
  });
  const header = [
    '产品规格',
    '可供数量',
    '单位',
    '出厂地点',
    '配送半径（公里）',
    '供货开始日期',
    '供货截止日期',
    '单价（元）',
    '联系人',
    '联系电话',
  ];
  const rows: (string | number)[][] = [header];
  for (let i = 0; i < ROWS; i++) {
    const bad = i % 100 === 99; // 1% bad rows
    rows.push([
      SPECS[i % SPECS.length]!,
      bad ? '-5' : QUANTITIES[i % QUANTITIES.length]!,
      SPECS[i % SPECS.length]!.includes('口罩') ? '万只' : '吨',
      PLACES[i % PLACES.length]!,
      300,
      DATES_FROM[i % DATES_FROM.length]!,
      '2030-06-30',
      i % 3 === 0 ? '¥3,950' : '',
      '林工',
      '13905981234',
    ]);
  }
  const file = await writeSheet(rows, 'xlsx');
  const t0 = performance.now();
  const uploaded = await app.request('/api/imports?kind=supply&format=xlsx', {
    method: 'POST',
    headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/octet-stream' },
    body: file as Uint8Array<ArrayBuffer>,
  });
  const job = (await uploaded.json()) as { id: string; goodRows: number; badRows: number; status: string };
  const t1 = performance.now();
  let calls = 0;
  let state = job;
  while (state.status !== 'committed') {
    calls += 1;
    const res = await app.request(`/api/imports/${job.id}/commit`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.token}` },
    });
    state = (await res.json()) as typeof job;
    if (res.status !== 200) throw new Error(JSON.stringify(state));
  }
  const t2 = performance.now();
  const checkMs = Math.round(t1 - t0);
  const commitMs = Math.round(t2 - t1);
  console.log(`file: ${ROWS} rows, ${(file.byteLength / 1024).toFixed(0)} KB xlsx`);
  console.log(`check (parse + validate + store): ${checkMs} ms; good ${job.goodRows}, bad ${job.badRows}`);
  console.log(
    `commit: ${commitMs} ms in ${calls} calls (${Math.round((job.goodRows / commitMs) * 1000)} listings/s)`,
  );
  console.log(
    `import: rows=${ROWS} good=${job.goodRows} bad=${job.badRows} check_ms=${checkMs} commit_ms=${commitMs} total_ms=${checkMs + commitMs} calls=${calls}`,
  );
} finally {
  await dynamo.stop();
}
