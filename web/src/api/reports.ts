import { query } from '@solidjs/router';
import type { CarryOver, EventReport, RegionDashboard } from '../../../functions/contract/report.ts';
import type { Lang } from '../i18n/index.ts';
import { api } from './client.ts';
import { downloadFile } from './imports.ts';

/**
 * Reports (issue 10): an event's report and its .xlsx, the organizer's region dashboard, and the
 * demand a series carries over to its next event. Sums of money come as integer fen text.
 */
export type {
  CarryOver,
  CarryOverOrg,
  DashboardCityRow,
  EventReport,
  RegionDashboard,
  ReportDemandRow,
  ReportRegionRow,
} from '../../../functions/contract/report.ts';
export { MONTHLY_EVENT_TARGET } from '../../../functions/contract/report.ts';

const eventPath = (eventId: string, rest = '') => `/events/${encodeURIComponent(eventId)}${rest}`;

export const fetchEventReport = (eventId: string): Promise<EventReport> =>
  api.get<EventReport>(eventPath(eventId, '/report'));

/** GET /api/events/{id}/report/export: the same figures as a workbook (the file name is returned). */
export const downloadEventReport = (eventId: string, language: Lang): Promise<string> =>
  downloadFile(
    eventPath(eventId, '/report/export'),
    { lang: language },
    `gongxu-event-report-${eventId}.xlsx`,
  );

export const fetchRegionDashboard = (filter: { month?: string; region?: string }): Promise<RegionDashboard> =>
  api.get<RegionDashboard>('/events/dashboard', {
    query: { month: filter.month || undefined, region: filter.region || undefined },
  });

export const fetchCarryOver = (eventId: string): Promise<CarryOver> =>
  api.get<CarryOver>(eventPath(eventId, '/carry-over'));

export const getEventReport = query((eventId: string) => fetchEventReport(eventId), 'eventReport');
export const getRegionDashboard = query(
  (month: string, region: string) => fetchRegionDashboard({ month, region }),
  'regionDashboard',
);
export const getCarryOver = query((eventId: string) => fetchCarryOver(eventId), 'eventCarryOver');
