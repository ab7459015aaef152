import { fenToYuanText } from '../contract/money.ts';
import type { EventReport, ReportRegionRow } from '../contract/report.ts';
import type { Cell, SheetSpec } from '../imports/workbook.ts';

/**
 * The event report as a workbook: the same figures as the API's report, one sheet per table —
 * summary, by category, by the supply's province and city, enrolled demand met, and the departments'
 * format (events, firms, deals, signed value in 亿元 and 万元). Money cells are yuan numbers formatted
 * to the fen (their text is exactly the report's fen); 亿元 and 万元 carry four and two decimals.
 */
type Lang = 'zh' | 'en';

const YUAN = '#,##0.00';
const t = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);
/** Exact yuan from integer fen text, as a number cell (the decimal text round-trips exactly). */
const yuan = (fen: string): number => Number(fenToYuanText(BigInt(fen)));

function summary(report: EventReport, lang: Lang): SheetSpec {
  const row = (zh: string, en: string, value: Cell, format?: string): [Cell[], string | undefined] => [
    [t(lang, zh, en), value],
    format,
  ];
  const rows: [Cell[], string | undefined][] = [
    [[t(lang, '项目', 'Item'), t(lang, '数值', 'Value')], undefined],
    row('活动名称', 'Event', report.title),
    row('主办单位', 'Organizer', report.organizerName),
    row('地区', 'Region', report.regionName),
    row(
      '日期',
      'Dates',
      report.startDate === report.endDate ? report.startDate : `${report.startDate} – ${report.endDate}`,
    ),
    row('报名企业', 'Organisations registered', report.participants.registered),
    row('审核通过', 'Approved', report.participants.approved),
    row('现场签到', 'Checked in', report.participants.checkedIn),
    row('撮合推荐', 'Matches proposed', report.matches.proposed),
    row('撮合接受', 'Matches accepted', report.matches.accepted),
    row('撮合确认', 'Matches confirmed', report.matches.confirmed),
    row('安排洽谈', 'Meetings scheduled', report.meetings.scheduled),
    row('完成洽谈', 'Meetings held', report.meetings.held),
    row('缺席', 'No-shows', report.meetings.noShows),
    row('意向数', 'Letters of intent', report.deals.intents.count),
    row('意向金额（元）', 'Intent value (CNY)', yuan(report.deals.intents.valueFen), YUAN),
    row('合同数', 'Contracts', report.deals.contracts.count),
    row('合同金额（元）', 'Contract value (CNY)', yuan(report.deals.contracts.valueFen), YUAN),
    row('待对方确认', 'Awaiting the other side', report.deals.pending.count),
    row('有异议', 'Disputed', report.deals.disputed),
  ];
  return {
    name: t(lang, '概况', 'Summary'),
    rows: rows.map(([r]) => r),
    columnWidths: [28, 48],
    rowNumberFormats: rows.map(([, f]) => f),
  };
}

const dealHeaders = (lang: Lang): string[] => [
  t(lang, '意向数', 'Letters of intent'),
  t(lang, '意向金额（元）', 'Intent value (CNY)'),
  t(lang, '合同数', 'Contracts'),
  t(lang, '合同金额（元）', 'Contract value (CNY)'),
];
const dealCells = (r: {
  intents: { count: number; valueFen: string };
  contracts: { count: number; valueFen: string };
}) => [r.intents.count, yuan(r.intents.valueFen), r.contracts.count, yuan(r.contracts.valueFen)];

function regionSheet(rows: ReportRegionRow[], lang: Lang, city: boolean): SheetSpec {
  return {
    name: city ? t(lang, '按城市', 'By city') : t(lang, '按省份', 'By province'),
    rows: [
      [
        t(lang, '供方省份', 'Supply province'),
        ...(city ? [t(lang, '供方城市', 'Supply city')] : []),
        t(lang, '地区代码', 'Code'),
        ...dealHeaders(lang),
      ],
      ...rows.map((r) => [r.provinceName, ...(city ? [r.name] : []), r.adcode, ...dealCells(r)]),
    ],
    numberFormats: [undefined, ...(city ? [undefined] : []), undefined, undefined, YUAN, undefined, YUAN],
  };
}

export function reportSheets(report: EventReport, lang: Lang): SheetSpec[] {
  return [
    summary(report, lang),
    {
      name: t(lang, '按品类', 'By category'),
      rows: [
        [t(lang, '品类', 'Category'), ...dealHeaders(lang)],
        ...report.byCategory.map((r) => [r.name[lang], ...dealCells(r)]),
      ],
      numberFormats: [undefined, undefined, YUAN, undefined, YUAN],
    },
    regionSheet(report.byProvince, lang, false),
    regionSheet(report.byCity, lang, true),
    {
      name: t(lang, '需求满足', 'Demand met'),
      rows: [
        [
          t(lang, '产品规格', 'Spec'),
          t(lang, '单位', 'Unit'),
          t(lang, '报名需求清单数', 'Demand listings enrolled'),
          t(lang, '报名需求量', 'Quantity enrolled'),
          t(lang, '合同满足量', 'Met by contracts'),
          t(lang, '意向量', 'Under letters of intent'),
          t(lang, '满足率（%）', 'Met (%)'),
        ],
        ...report.demand.map((r) => [
          r.name[lang],
          r.unitSymbol[lang],
          r.listings,
          r.enrolled,
          r.met,
          r.intended,
          Number(r.metPercent),
        ]),
      ],
      numberFormats: [undefined, undefined, undefined, '0.###', '0.###', '0.###', '0.0'],
    },
    {
      name: t(lang, '部门报表', 'Departments'),
      rows: [
        [
          t(lang, '活动场次', 'Events'),
          t(lang, '参会企业', 'Participating firms'),
          t(lang, '签约项目', 'Deals signed'),
          t(lang, '签约金额（亿元）', 'Signed value (100 million CNY)'),
          t(lang, '签约金额（万元）', 'Signed value (10 thousand CNY)'),
        ],
        [
          report.department.events,
          report.department.firms,
          report.department.deals,
          Number(report.department.valueYi),
          Number(report.department.valueWan),
        ],
      ],
      numberFormats: [undefined, undefined, undefined, '0.0000', '0.00'],
    },
  ];
}
