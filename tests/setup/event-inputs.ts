import { inDays } from './listing-inputs.ts';

/** A valid event body (a Fujian steel and cement event at a venue, in three weeks); override what a test is about. */
export const eventBody = (overrides: Record<string, unknown> = {}) => ({
  title: '福建省重点项目钢材水泥产销对接会',
  kind: 'goods',
  categories: ['steel', 'cement'],
  region: '350000',
  mode: 'hybrid',
  venue: { name: '福州海峡国际会展中心', address: '福州市仓山区会展路', tables: 4 },
  days: [{ date: inDays(21), start: '09:00', end: '12:00' }],
  meetingMinutes: 20,
  bufferMinutes: 0,
  breaks: [{ start: '10:20', end: '10:40' }],
  registrationDeadline: inDays(14),
  capacity: 40,
  videoLinkPattern: 'https://meeting.tencent.com/dm/gongxu-demo-{table}',
  description: '钢材、水泥生产企业与省重点项目建设单位一对一洽谈',
  ...overrides,
});
