import { describe, expect, it } from 'vitest';
import { baseCatalogue } from '../../../functions/catalogue/catalogue.ts';
import { MESSAGES } from '../../../functions/contract/messages.ts';
import { defaultPreferences, NOTIFICATION_KINDS } from '../../../functions/contract/user-notification.ts';
import {
  notificationFor,
  notificationIdFor,
} from '../../../functions/notifications/notification-commands.ts';
import { factOfChange, renderFact, smsText } from '../../../functions/notifications/notification-facts.ts';

/** Which facts produce a notification for whom, and what it says in each language. */

const AT = '2026-03-02T08:30:00.000Z';
const factOf = (before: Parameters<typeof factOfChange>[0], after: Parameters<typeof factOfChange>[1]) =>
  factOfChange(before, after, baseCatalogue);
const entry = (event: string, extra: Record<string, unknown> = {}) => ({
  type: 'notification',
  id: '01HZZZZZZZZZZZZZZZZZZZZZZZ',
  orgId: 'ORG-STEEL',
  matchId: 'MATCH1',
  event,
  listingId: 'L1',
  counterpartOrgName: '福建交建集团',
  quantity: 1200,
  unit: 't',
  item: 'rebar-hrb400e-25',
  at: AT,
  ...extra,
});
const registration = (status: string, extra: Record<string, unknown> = {}) => ({
  type: 'registration',
  id: 'REG1',
  eventId: 'EV1',
  eventTitle: '福建省重点项目钢材水泥产销对接会',
  eventStartDate: '2026-04-10',
  orgId: 'ORG-CEMENT',
  status,
  updatedAt: AT,
  version: 3,
  ...extra,
});

describe('facts → notifications', () => {
  it.each([
    ['proposed', 'match_proposed'],
    ['revised', 'match_proposed'],
    ['confirmed', 'match_confirmed'],
    ['expired', 'match_expired'],
  ])('a match %s (by the system or both sides) is told to the entry’s organisation as %s', (event, kind) => {
    const fact = factOf(undefined, entry(event));
    expect(fact).toMatchObject({
      kind,
      orgId: 'ORG-STEEL',
      link: '/matches/MATCH1',
      sourceId: 'inbox:01HZZZZZZZZZZZZZZZZZZZZZZZ',
    });
  });

  it.each(['accepted', 'declined', 'cancelled'])(
    'a match %s is told to the other side only, never to the organisation that did it',
    (event) => {
      expect(factOf(undefined, entry(event, { actorOrgId: 'ORG-BUILDER' }))?.kind).toBe(`match_${event}`);
      expect(factOf(undefined, entry(event, { actorOrgId: 'ORG-STEEL' }))).toBeUndefined();
    },
  );

  it('tells nothing for a rewritten inbox entry, an unknown event, or an item of another type', () => {
    expect(factOf(entry('proposed'), entry('proposed'))).toBeUndefined();
    expect(factOf(undefined, entry('archived'))).toBeUndefined();
    expect(factOf(undefined, { type: 'listing', id: 'L1', status: 'open' })).toBeUndefined();
    expect(factOf(entry('proposed'), undefined)).toBeUndefined();
  });

  it('tells a registration approved or refused once per version, and not an edit that keeps the status', () => {
    const approved = factOf(registration('applied', { version: 2 }), registration('approved'));
    expect(approved).toMatchObject({
      kind: 'registration_approved',
      orgId: 'ORG-CEMENT',
      sourceId: 'registration:REG1:3',
      link: '/events/EV1',
    });
    // an organizer registering a firm on its behalf approves it at once: no old image
    expect(factOf(undefined, registration('approved'))?.kind).toBe('registration_approved');
    expect(factOf(registration('approved'), registration('refused', { version: 4 }))?.kind).toBe(
      'registration_refused',
    );
    expect(factOf(registration('approved', { version: 2 }), registration('approved'))).toBeUndefined();
    expect(factOf(undefined, registration('applied'))).toBeUndefined();
    expect(factOf(registration('approved'), registration('withdrawn'))).toBeUndefined();
  });

  it('tells both sides of a moved meeting where it was and where it is now', () => {
    const fact = factOf(undefined, {
      type: 'notification',
      id: 'N2',
      orgId: 'ORG-STEEL',
      event: 'meeting_moved',
      eventId: 'EV1',
      eventTitle: '产销对接会',
      meetingId: 'M1',
      counterpartOrgName: '闽西水泥',
      from: { slot: 0, table: 2, date: '2026-04-10', start: '09:00', end: '09:20' },
      to: { slot: 3, table: 1, date: '2026-04-10', start: '10:00', end: '10:20' },
      at: AT,
    });
    expect(fact?.link).toBe('/events/EV1/agenda');
    const text = renderFact(fact!, 'https://gongxu.example.cn');
    expect(text.body.zh).toBe(
      '「产销对接会」上贵单位与 闽西水泥 的洽谈已由 2026-04-10 09:00–09:20 2 号桌 调整到 2026-04-10 10:00–10:20 1 号桌。查看日程：https://gongxu.example.cn/events/EV1/agenda',
    );
    expect(text.body.en).toBe(
      'At “产销对接会” your meeting with 闽西水泥 moved from 2026-04-10 09:00–09:20, table 2 to 2026-04-10 10:00–10:20, table 1. See your agenda: https://gongxu.example.cn/events/EV1/agenda',
    );
  });
});

describe('templates', () => {
  it('has a subject and a body in both languages for every kind', () => {
    for (const kind of NOTIFICATION_KINDS) {
      for (const part of ['subject', 'body'] as const) {
        const message = MESSAGES[`notify.${kind}.${part}`];
        expect(message.zh, `${kind}.${part}`).not.toBe('');
        expect(message.en, `${kind}.${part}`).not.toBe('');
      }
    }
  });

  it('fills product, quantity, counterpart and the link in each language, leaving no placeholder', () => {
    const fact = factOf(undefined, entry('confirmed'))!;
    const text = renderFact(fact, 'https://gongxu.example.cn/');
    expect(text.subject).toEqual({
      zh: '匹配已成交：热轧带肋钢筋（螺纹钢）HRB400E Φ25 1,200 吨（福建交建集团）',
      en: 'Match confirmed: Hot-rolled ribbed bar (rebar) HRB400E Ø25 mm, 1,200 t (福建交建集团)',
    });
    expect(text.body.zh).toContain('https://gongxu.example.cn/matches/MATCH1');
    for (const event of ['proposed', 'accepted', 'confirmed', 'declined', 'expired', 'cancelled']) {
      const rendered = renderFact(factOf(undefined, entry(event, { actorOrgId: 'X' }))!, '');
      for (const value of [rendered.subject.zh, rendered.subject.en, rendered.body.zh, rendered.body.en]) {
        expect(value).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('names a refused registration’s reason, or says none was given', () => {
    const withReason = renderFact(factOf(undefined, registration('refused', { reason: '展位已满' }))!, '');
    const without = renderFact(factOf(undefined, registration('refused'))!, '');
    expect(withReason.body.zh).toContain('原因：展位已满');
    expect(without.body.zh).toContain('原因：未说明');
    expect(without.body.en).toContain('Reason: not given');
  });

  it('writes an SMS as the subject and the link, with the sender’s name first', () => {
    const fact = factOf(undefined, entry('proposed'))!;
    expect(smsText(fact, 'https://gongxu.example.cn', 'zh')).toBe(
      '【供需】新的供需匹配：热轧带肋钢筋（螺纹钢）HRB400E Φ25 1,200 吨（福建交建集团） https://gongxu.example.cn/matches/MATCH1',
    );
  });
});

describe('one user’s notification and sends', () => {
  const user = { id: 'U1', orgId: 'ORG-STEEL', email: 'lin@example.cn' };
  const fact = factOf(undefined, entry('proposed'))!;

  it('derives the same time-ordered id from the same fact and user, another for another user', () => {
    expect(notificationIdFor(fact, 'U1')).toBe(notificationIdFor(fact, 'U1'));
    expect(notificationIdFor(fact, 'U2')).not.toBe(notificationIdFor(fact, 'U1'));
    const later = { ...fact, at: '2026-03-03T08:30:00.000Z' };
    expect(notificationIdFor(later, 'U1') > notificationIdFor(fact, 'U1')).toBe(true);
    expect(notificationIdFor(fact, 'U1')).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it('sends by default an e-mail in Chinese and no SMS; follows the user’s channels and language', () => {
    const byDefault = notificationFor(fact, user, defaultPreferences(), 'https://x.cn');
    expect(byDefault.outbox.map((m) => [m.channel, m.to, m.lang])).toEqual([
      ['email', 'lin@example.cn', 'zh'],
    ]);
    const prefs = defaultPreferences();
    prefs.kinds.match_proposed = { email: false, sms: true };
    prefs.mobile = '13905981234';
    prefs.lang = 'en';
    const chosen = notificationFor(fact, user, prefs, 'https://x.cn');
    expect(chosen.outbox.map((m) => [m.channel, m.to, m.lang])).toEqual([['sms', '+8613905981234', 'en']]);
    expect(chosen.outbox[0]!.text).toBe(
      '[Gongxu] New match proposed: Hot-rolled ribbed bar (rebar) HRB400E Ø25 mm, 1,200 t (福建交建集团) https://x.cn/matches/MATCH1',
    );
    const none = defaultPreferences();
    none.kinds.match_proposed = { email: false, sms: false };
    const inAppOnly = notificationFor(fact, user, none, '');
    expect(inAppOnly.outbox).toEqual([]);
    expect(inAppOnly.notification.subject.zh).toContain('新的供需匹配');
  });
});
