import { describe, expect, it } from 'vitest';
import { errorBody } from '../../../functions/api/error-body.ts';
import { eventLifecycle } from '../../../functions/events/event.ts';
import { registrationLifecycle } from '../../../functions/events/registration.ts';
import { meetingLifecycle } from '../../../functions/meetings/meeting.ts';
import { meetingRequestLifecycle } from '../../../functions/meetings/meeting-request.ts';
import { ConflictError, ForbiddenError } from '../../../functions/shared/errors.ts';
import { type Lifecycle, transition } from '../../../functions/shared/lifecycle.ts';

/**
 * The event, registration, meeting-request and meeting lifecycles, written out here by hand as the
 * moves each allows (`from --action--> to` by whom). Every (state, action) pair not listed must be a
 * 409 naming the entity, its state and the action in both languages; every role not listed, a 403.
 */
interface Case {
  // biome-ignore lint/suspicious/noExplicitAny: each lifecycle has its own state, action and role types
  lifecycle: Lifecycle<any, any, any>;
  allowed: string;
  roles: readonly string[];
}

const CASES: Record<string, Case> = {
  event: {
    lifecycle: eventLifecycle,
    roles: ['organizer', 'system'],
    allowed: `
      draft --edit--> draft by organizer
      published --amend--> published by organizer
      draft --publish--> published by organizer
      published --round--> published by organizer
      published --schedule--> published by organizer
      published --close--> closed by organizer,system
      draft --cancel--> cancelled by organizer
      published --cancel--> cancelled by organizer`,
  },
  registration: {
    lifecycle: registrationLifecycle,
    roles: ['participant', 'organizer'],
    allowed: `
      applied --approve--> approved by organizer
      applied --refuse--> refused by organizer
      approved --refuse--> refused by organizer
      applied --withdraw--> withdrawn by participant,organizer
      approved --withdraw--> withdrawn by participant,organizer
      refused --reapply--> applied by participant,organizer
      withdrawn --reapply--> applied by participant,organizer`,
  },
  'meeting request': {
    lifecycle: meetingRequestLifecycle,
    roles: ['asker', 'asked', 'system'],
    allowed: `
      requested --accept--> accepted by asked
      requested --decline--> declined by asked
      requested --cancel--> cancelled by asker
      accepted --cancel--> cancelled by asker
      requested --expire--> expired by system
      declined --renew--> requested by asker
      expired --renew--> requested by asker
      cancelled --renew--> requested by asker`,
  },
  meeting: {
    lifecycle: meetingLifecycle,
    roles: ['organizer', 'system'],
    allowed: `
      draft --publish--> scheduled by organizer
      draft --replan--> draft by organizer,system
      scheduled --replan--> draft by organizer,system
      cancelled --replan--> draft by organizer,system
      draft --cancel--> cancelled by organizer,system
      scheduled --cancel--> cancelled by organizer,system
      scheduled --start--> under_way by organizer
      under_way --finish--> done by organizer
      scheduled --noShow--> no_show by organizer`,
  },
};

function parse(text: string) {
  return text
    .trim()
    .split('\n')
    .map((line) => {
      const m = /^\s*(\w+) --(\w+)--> (\w+) by ([\w,]+)$/.exec(line);
      if (!m) throw new Error(`bad line: ${line}`);
      return { from: m[1]!, action: m[2]!, to: m[3]!, by: m[4]!.split(',') };
    });
}

describe.each(Object.entries(CASES))('the %s lifecycle', (_name, { lifecycle, allowed, roles }) => {
  const moves = parse(allowed);
  const actions = Object.keys(lifecycle.transitions);
  const pairs = lifecycle.states.flatMap((from: string) => actions.map((action) => ({ from, action })));

  it('has exactly the transitions written here', () => {
    const declared = pairs.filter(({ from, action }) => lifecycle.transitions[action]!.from.includes(from));
    expect(declared.map((p) => `${p.from} ${p.action}`).sort()).toEqual(
      moves.map((m) => `${m.from} ${m.action}`).sort(),
    );
  });

  it.each(moves)('moves $from --$action--> $to for $by', ({ from, action, to, by }) => {
    for (const role of by) expect(transition(lifecycle, from, action, [role])).toBe(to);
  });

  it.each(moves)('refuses $action from $from to roles other than $by (403)', ({ from, action, by }) => {
    for (const role of roles.filter((r) => !by.includes(r))) {
      expect(() => transition(lifecycle, from, action, [role])).toThrow(ForbiddenError);
    }
  });

  it.each(pairs.filter(({ from, action }) => !moves.some((m) => m.from === from && m.action === action)))(
    'refuses $action from $from (409, worded in both languages)',
    ({ from, action }) => {
      let caught: unknown;
      try {
        transition(lifecycle, from, action);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ConflictError);
      const body = errorBody(caught as ConflictError, 'zh');
      expect(body.error.code).toBe('invalid_transition');
      expect(body.error.messages.zh).toContain(lifecycle.stateLabels[from]!.zh);
      expect(body.error.messages.zh).toContain(lifecycle.transitions[action]!.label.zh);
      expect(body.error.messages.en).toContain(lifecycle.stateLabels[from]!.en);
      expect(body.error.messages.en).toContain(lifecycle.label.en);
      expect(`${body.error.messages.zh} ${body.error.messages.en}`).not.toMatch(/\{|state\.|action\./);
    },
  );
});
