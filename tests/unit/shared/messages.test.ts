import { describe, expect, it } from 'vitest';
import { format, MESSAGES, type MessageKey, translate } from '../../../functions/shared/i18n/messages.ts';

describe('messages', () => {
  it('has every message in Chinese and English', () => {
    for (const [key, message] of Object.entries(MESSAGES)) {
      expect(message.zh, key).not.toBe('');
      expect(message.en, key).not.toBe('');
    }
  });

  it('fills placeholders, picking the language of a message-valued parameter', () => {
    const text = format('{a} and {b}, {missing}', { a: 1, b: MESSAGES['side.offer'] }, 'en');
    expect(text).toBe('1 and offering side, {missing}');
    expect(translate('insufficient_remaining', 'zh', { side: MESSAGES['side.need'] })).toContain('需方');
  });

  it('treats a string parameter as text, never as the name of another message', () => {
    expect(format('{x}', { x: '@side.offer' }, 'zh')).toBe('@side.offer');
  });

  it('makes a message key that does not exist a type error', () => {
    // @ts-expect-error — 'state.closed' is not a message: the typecheck fails if it ever becomes one
    // unnoticed, and fails if this line stops being an error.
    const missing: MessageKey = 'state.closed';
    expect(Object.hasOwn(MESSAGES, missing)).toBe(false);
  });
});
