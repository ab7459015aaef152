import type { Catalogue } from '../catalogue/catalogue.ts';
import type { LocalText } from '../contract/catalogue-types.ts';
import { type Lang, MESSAGES, type Message, type MessageParams, translate } from '../contract/messages.ts';
import type { MatchNotification, MeetingCell, MeetingMovedNotification } from '../contract/notification.ts';
import type { NotificationKind } from '../contract/user-notification.ts';

/**
 * Which facts produce a notification for whom (pure: no AWS, no Hono). A fact is a change a stream
 * record shows: an organisation's inbox entry written with a match's change or a moved meeting, or a
 * registration an organizer answered. Each fact names the organisation whose users are told, where
 * the link leads and what the words say; its `sourceId` (item and version) makes the notification's
 * id, so a redelivered record tells nobody twice.
 */
export interface NotificationFact {
  kind: NotificationKind;
  /** The fact's item and version: `inbox:<entry id>`, `registration:<id>:<version>`. */
  sourceId: string;
  /** The organisation whose users are told. */
  orgId: string;
  at: string;
  /** Path in the web app. */
  link: string;
  /** The template's parameters (the link is added when rendered). */
  params: MessageParams;
}

type Image = Record<string, unknown> | undefined;

const MATCH_KINDS: Record<string, NotificationKind> = {
  proposed: 'match_proposed',
  revised: 'match_proposed',
  accepted: 'match_accepted',
  confirmed: 'match_confirmed',
  declined: 'match_declined',
  expired: 'match_expired',
  cancelled: 'match_cancelled',
  acceptance_voided: 'match_acceptance_voided',
};

/** Changes a side makes itself are told to the other side only; the rest to both. */
const TOLD_TO_THE_OTHER_SIDE_ONLY: ReadonlySet<NotificationKind> = new Set([
  'match_accepted',
  'match_declined',
  'match_cancelled',
]);

const text = (value: LocalText | undefined, fallback: string): Message =>
  value ? { zh: value.zh, en: value.en } : { zh: fallback, en: fallback };

/** `1,200 吨` / `1,200 t`: the number grouped, the unit's symbol in each language. */
export function quantityText(quantity: number, unitId: string, catalogue: Catalogue): Message {
  const unit = catalogue.getUnit(unitId);
  const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 }).format(quantity);
  return {
    zh: `${number} ${unit?.symbol.zh ?? unitId}`,
    en: `${number} ${unit?.symbol.en ?? unitId}`,
  };
}

/** The spec's or skill's name; an entry without one says "the match". */
export function productText(item: string | undefined, catalogue: Catalogue): Message {
  if (!item) return { zh: '匹配', en: 'the match' };
  return text(catalogue.getSpec(item)?.name ?? catalogue.getSkill(item)?.name, item);
}

function cellText(cell: MeetingCell): Message {
  const table = (lang: Lang) => translate('notify.table', lang, { n: cell.table });
  return {
    zh: `${cell.date} ${cell.start}–${cell.end} ${table('zh')}`,
    en: `${cell.date} ${cell.start}–${cell.end}, ${table('en')}`,
  };
}

function matchFact(entry: MatchNotification, catalogue: Catalogue): NotificationFact | undefined {
  const kind = MATCH_KINDS[entry.event];
  if (!kind) return undefined;
  // An organisation is not told of what its own people just did.
  if (TOLD_TO_THE_OTHER_SIDE_ONLY.has(kind) && entry.actorOrgId === entry.orgId) return undefined;
  return {
    kind,
    sourceId: `inbox:${entry.id}`,
    orgId: entry.orgId,
    at: entry.at,
    link: `/matches/${entry.matchId}`,
    params: {
      counterpart: entry.counterpartOrgName,
      product: productText(entry.item, catalogue),
      quantity: quantityText(entry.quantity, entry.unit, catalogue),
    },
  };
}

function meetingMovedFact(entry: MeetingMovedNotification): NotificationFact {
  return {
    kind: 'meeting_moved',
    sourceId: `inbox:${entry.id}`,
    orgId: entry.orgId,
    at: entry.at,
    link: `/events/${entry.eventId}/agenda`,
    params: {
      event: entry.eventTitle,
      counterpart: entry.counterpartOrgName,
      from: cellText(entry.from),
      to: cellText(entry.to),
    },
  };
}

function registrationFact(before: Image, after: Record<string, unknown>): NotificationFact | undefined {
  const status = after.status;
  if (status !== 'approved' && status !== 'refused') return undefined;
  if (before?.status === status) return undefined; // not an answer: another field changed
  return {
    kind: status === 'approved' ? 'registration_approved' : 'registration_refused',
    sourceId: `registration:${String(after.id)}:${String(after.version)}`,
    orgId: String(after.orgId),
    at: String(after.updatedAt),
    link: `/events/${String(after.eventId)}`,
    params: {
      event: String(after.eventTitle ?? ''),
      date: String(after.eventStartDate ?? ''),
      reason:
        typeof after.reason === 'string' && after.reason.trim() ? after.reason : MESSAGES['notify.no_reason'],
    },
  };
}

/**
 * The fact a stream record's images show, if any: a new inbox entry (match or moved meeting), or a
 * registration whose status became approved or refused.
 */
export function factOfChange(
  before: Image,
  after: Image,
  catalogue: Catalogue,
): NotificationFact | undefined {
  if (!after) return undefined;
  if (after.type === 'notification') {
    if (before) return undefined; // inbox entries are written once; a rewrite is no new fact
    const entry = after as unknown as MatchNotification | MeetingMovedNotification;
    return entry.event === 'meeting_moved'
      ? meetingMovedFact(entry as MeetingMovedNotification)
      : matchFact(entry as MatchNotification, catalogue);
  }
  if (after.type === 'registration') return registrationFact(before, after);
  return undefined;
}

export interface RenderedNotification {
  subject: Message;
  body: Message;
}

const SUBJECTS = {
  match_proposed: 'notify.match_proposed.subject',
  match_accepted: 'notify.match_accepted.subject',
  match_confirmed: 'notify.match_confirmed.subject',
  match_declined: 'notify.match_declined.subject',
  match_expired: 'notify.match_expired.subject',
  match_cancelled: 'notify.match_cancelled.subject',
  match_acceptance_voided: 'notify.match_acceptance_voided.subject',
  registration_approved: 'notify.registration_approved.subject',
  registration_refused: 'notify.registration_refused.subject',
  meeting_moved: 'notify.meeting_moved.subject',
} as const satisfies Record<NotificationKind, keyof typeof MESSAGES>;

const BODIES = {
  match_proposed: 'notify.match_proposed.body',
  match_accepted: 'notify.match_accepted.body',
  match_confirmed: 'notify.match_confirmed.body',
  match_declined: 'notify.match_declined.body',
  match_expired: 'notify.match_expired.body',
  match_cancelled: 'notify.match_cancelled.body',
  match_acceptance_voided: 'notify.match_acceptance_voided.body',
  registration_approved: 'notify.registration_approved.body',
  registration_refused: 'notify.registration_refused.body',
  meeting_moved: 'notify.meeting_moved.body',
} as const satisfies Record<NotificationKind, keyof typeof MESSAGES>;

/**
 * The fact's subject and body in both languages; the body's link is `baseUrl` + the fact's path (the
 * site's address for e-mail and SMS, empty for the in-app inbox, which links by path).
 */
export function renderFact(fact: NotificationFact, baseUrl: string): RenderedNotification {
  const params = { ...fact.params, link: `${baseUrl.replace(/\/$/, '')}${fact.link}` };
  return {
    subject: {
      zh: translate(SUBJECTS[fact.kind], 'zh', params),
      en: translate(SUBJECTS[fact.kind], 'en', params),
    },
    body: { zh: translate(BODIES[fact.kind], 'zh', params), en: translate(BODIES[fact.kind], 'en', params) },
  };
}

/** An SMS: the subject and the link (texts are short and paid per segment). */
export function smsText(fact: NotificationFact, baseUrl: string, lang: Lang): string {
  const { subject } = renderFact(fact, baseUrl);
  return `${translate('notify.sms_prefix', lang)}${subject[lang]} ${baseUrl.replace(/\/$/, '')}${fact.link}`;
}
