import type { Deps } from '../api/deps.ts';
import type { Principal } from '../auth/principal.ts';
import type { EventInput } from '../contract/events.ts';
import { isGoodsListing } from '../contract/listing.ts';
import { createEvent, moveEvent } from '../events/event-commands.ts';
import { moveRegistration, register } from '../events/registration-commands.ts';
import { moveMeetingRequest, requestMeeting } from '../meetings/meeting-request-commands.ts';
import { generateSchedule, publishSchedule } from '../meetings/schedule-commands.ts';

/**
 * The demo's matchmaking event (福建省重点项目钢材水泥产销对接会): published, with the Fujian steel
 * and cement producers and the key-project builder registered (their steel and cement listings
 * enrolled) and approved, meeting requests accepted, and the schedule published — so `npm start` shows an event with agendas at once. Built through the same commands
 * the API uses (no shortcut into the table).
 */

const FIRMS = [
  'steel@demo.gongxu.cn',
  'cement@demo.gongxu.cn',
  'minjiang@demo.gongxu.cn',
  'builder@demo.gongxu.cn',
];

async function principalFor(deps: Deps, email: string): Promise<Principal | undefined> {
  const user = await deps.users.findByEmail(email);
  if (!user) return undefined;
  return {
    userId: user.id,
    email: user.email,
    orgId: user.orgId,
    orgRole: user.orgRole,
    platformRoles: user.platformRoles,
  };
}

export function demoEventInput(plus: (days: number) => string): EventInput {
  return {
    title: '福建省重点项目钢材水泥产销对接会（演示）',
    kind: 'goods',
    categories: ['steel', 'cement'],
    region: '350000',
    mode: 'hybrid',
    venue: { name: '福州海峡国际会展中心（演示）', address: '福州市仓山区会展路 1 号 3 号馆', tables: 6 },
    days: [{ date: plus(10), start: '09:00', end: '12:00' }],
    meetingMinutes: 20,
    bufferMinutes: 0,
    breaks: [{ start: '10:20', end: '10:40' }],
    registrationDeadline: plus(7),
    capacity: 30,
    videoLinkPattern: 'https://meeting.tencent.com/dm/gongxu-demo-{table}',
    description:
      '钢材、水泥生产企业与省重点项目建设单位一对一洽谈，就近供应、省内优先。Steel and cement producers meet the builders of provincial key projects, one to one; nearest supply first, in-province first.',
  };
}

/** Seeds the demo event; returns its id, or undefined when the demo organisations are missing. */
export async function seedDemoEvent(deps: Deps, plus: (days: number) => string): Promise<string | undefined> {
  const organizer = await principalFor(deps, 'organizer@demo.gongxu.cn');
  const firms = (await Promise.all(FIRMS.map((email) => principalFor(deps, email)))).filter(
    (p): p is Principal => p !== undefined,
  );
  if (!organizer || firms.length < 2) return undefined;
  const event = await createEvent(deps, organizer, demoEventInput(plus));
  await moveEvent(deps, organizer, event.id, 'publish');
  for (const firm of firms) {
    const own = await deps.listings.listByOrg(firm.orgId, { limit: 100 });
    const goods = own.items.filter(
      (l) => l.status === 'open' && isGoodsListing(l) && ['steel', 'cement'].includes(l.category),
    );
    if (goods.length === 0) continue;
    const { registration } = await register(deps, firm, event.id, {
      listingIds: goods.map((l) => l.id),
      people: 2,
      ...(firm.email.startsWith('minjiang')
        ? { availability: [{ date: plus(10), start: '09:00', end: '10:20' }] }
        : {}),
    });
    await moveRegistration(deps, organizer, event.id, registration.id, 'approve');
  }
  // Meetings the participants asked for and the other side accepted. The demo runs no matching
  // round itself: its matches would reserve the demo listings' quantities and change what the rest
  // of the demo shows; the organizer runs the round from the event page (it is ready to run).
  const byEmail = (prefix: string) => firms.find((f) => f.email.startsWith(prefix));
  const asks: [string, string, string][] = [
    ['builder', 'steel', '福州滨海快线需 HRB400E 螺纹钢 / rebar for the Binhai line'],
    ['builder', 'cement', '莆田段需 P·O 42.5 水泥 / cement for the Putian section'],
    ['builder', 'minjiang', '福州站房需 P·O 42.5 水泥 / cement for the Fuzhou station'],
    ['cement', 'minjiang', '交流错峰生产与运力安排 / staggered production and haulage'],
  ];
  for (const [from, to, note] of asks) {
    const asker = byEmail(from);
    const asked = byEmail(to);
    if (!asker || !asked) continue;
    const request = await requestMeeting(deps, asker, event.id, { toOrgId: asked.orgId, note });
    await moveMeetingRequest(deps, asked, event.id, request.id, 'accept');
  }
  await generateSchedule(deps, organizer, event.id);
  await publishSchedule(deps, organizer, event.id);
  return event.id;
}
