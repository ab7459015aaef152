import { describe, expect, it } from 'vitest';
import { eventLifecycle } from '../../../functions/events/event.ts';
import { registrationLifecycle } from '../../../functions/events/registration.ts';
import { importLifecycle } from '../../../functions/imports/import-job.ts';
import { listingLifecycle } from '../../../functions/listings/listing.ts';
import { matchLifecycle } from '../../../functions/matches/match.ts';
import { runLifecycle } from '../../../functions/matches/matching-run.ts';
import { meetingLifecycle } from '../../../functions/meetings/meeting.ts';
import { meetingRequestLifecycle } from '../../../functions/meetings/meeting-request.ts';
import { AppError, ConflictError, ForbiddenError } from '../../../functions/shared/errors.ts';
import { translate } from '../../../functions/shared/i18n/messages.ts';
import {
  availableActions,
  canTransition,
  defineLifecycle,
  type Lifecycle,
  mayTake,
  transition,
} from '../../../functions/shared/lifecycle.ts';

/** Every lifecycle in the code base: a new one is added here. */
const LIFECYCLES = [
  listingLifecycle,
  matchLifecycle,
  importLifecycle,
  runLifecycle,
  eventLifecycle,
  registrationLifecycle,
  meetingRequestLifecycle,
  meetingLifecycle,
] as unknown as Lifecycle<string, string, string>[];

const door = defineLifecycle({
  name: 'door',
  label: { zh: '门', en: 'door' },
  initial: 'shut',
  states: ['shut', 'open', 'locked'],
  stateLabels: {
    shut: { zh: '关着', en: 'shut' },
    open: { zh: '开着', en: 'open' },
    locked: { zh: '锁着', en: 'locked' },
  },
  transitions: {
    open: { from: ['shut'], to: 'open', by: ['resident', 'guest'], label: { zh: '开门', en: 'open' } },
    close: { from: ['open'], to: 'shut', by: ['resident', 'guest'], label: { zh: '关门', en: 'close' } },
    lock: { from: ['shut'], to: 'locked', by: ['resident'], label: { zh: '上锁', en: 'lock' } },
  },
  terminal: [],
});

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('did not throw');
}

describe('the lifecycle engine', () => {
  it('moves along the graph to the transition target', () => {
    expect(transition(door, 'shut', 'open')).toBe('open');
    expect(transition(door, 'open', 'close', ['guest'])).toBe('shut');
  });

  it('refuses a move the graph does not have from this state with a 409 naming state and action', () => {
    const error = errorOf(() => transition(door, 'open', 'lock', ['resident']));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.status).toBe(409);
    expect(translate(error.key, 'zh', error.params)).toBe('门当前状态（开着）下不能执行“上锁”');
    expect(translate(error.key, 'en', error.params)).toBe('Cannot lock while the door is open');
  });

  it('refuses a caller none of whose roles may take the action with a 403, before looking at the state', () => {
    expect(errorOf(() => transition(door, 'shut', 'lock', ['guest']))).toBeInstanceOf(ForbiddenError);
    expect(errorOf(() => transition(door, 'open', 'lock', []))).toBeInstanceOf(ForbiddenError);
  });

  it('offers a viewer exactly the actions its roles may take from the current state', () => {
    expect(availableActions(door, 'shut', ['resident'])).toEqual(['open', 'lock']);
    expect(availableActions(door, 'shut', ['guest'])).toEqual(['open']);
    expect(availableActions(door, 'shut', [])).toEqual([]);
    expect(availableActions(door, 'open')).toEqual(['close']);
    expect(availableActions(door, 'locked', ['resident'])).toEqual([]);
  });

  it('answers whether a move exists and whether roles may take it', () => {
    expect(canTransition(door, 'shut', 'lock')).toBe(true);
    expect(canTransition(door, 'locked', 'open')).toBe(false);
    expect(mayTake(door, 'lock', ['guest', 'resident'])).toBe(true);
    expect(mayTake(door, 'lock', ['guest'])).toBe(false);
  });

  it('rejects a definition naming a state it does not have, or a transition nobody may take', () => {
    const base = {
      name: 'bad',
      label: { zh: '坏', en: 'bad' },
      initial: 'a',
      states: ['a'],
      stateLabels: { a: { zh: '甲', en: 'a' } },
      terminal: [],
    } as const;
    expect(() =>
      defineLifecycle({
        ...base,
        // biome-ignore lint/suspicious/noExplicitAny: an invalid graph on purpose
        transitions: { go: { from: ['a'], to: 'b' as any, by: ['x'], label: { zh: '走', en: 'go' } } },
      }),
    ).toThrow(/unknown state b/);
    expect(() =>
      defineLifecycle({
        ...base,
        transitions: { go: { from: ['a'], to: 'a', by: [], label: { zh: '走', en: 'go' } } },
      }),
    ).toThrow(/nobody/);
  });
});

describe("every lifecycle's wrong-state errors", () => {
  for (const lifecycle of LIFECYCLES) {
    it(`read as words in Chinese and English for every state and action of the ${lifecycle.name}`, () => {
      for (const state of lifecycle.states) {
        for (const action of Object.keys(lifecycle.transitions)) {
          if (canTransition(lifecycle, state, action)) continue;
          const error = errorOf(() => transition(lifecycle, state, action));
          for (const lang of ['zh', 'en'] as const) {
            const text = translate(error.key, lang, error.params);
            expect(text).not.toMatch(/state\.|action\.|lifecycle\.|side\.|@|\{\w+\}/);
            expect(text).toContain(lifecycle.stateLabels[state]![lang]);
            expect(text).toContain(lifecycle.transitions[action]!.label[lang]);
          }
        }
      }
    });

    it(`labels every state and action of the ${lifecycle.name} in both languages`, () => {
      const labels = [
        lifecycle.label,
        ...lifecycle.states.map((s) => lifecycle.stateLabels[s]!),
        ...Object.values(lifecycle.transitions).map((t) => t.label),
      ];
      for (const label of labels) {
        expect(label.zh).toMatch(/\p{Script=Han}/u);
        expect(label.en).toMatch(/^[^.@{}]+$/);
      }
    });
  }

  it('reads the listing example from the issue as words', () => {
    const error = errorOf(() => transition(listingLifecycle, 'closed', 'edit'));
    expect(translate(error.key, 'zh', error.params)).toBe('清单当前状态（已关闭）下不能执行“修改”');
    expect(translate(error.key, 'en', error.params)).toBe('Cannot edit while the listing is closed');
  });
});
