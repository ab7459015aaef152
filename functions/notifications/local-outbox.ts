import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { OutboxMessage } from '../contract/user-notification.ts';
import type { Transport } from './transport.ts';

/**
 * `npm start`'s stand-in for SES and SMS: each message becomes a file under the outbox folder
 * (`.data/outbox/` by default) — an `.eml` the developer can open in a mail client, or an `.sms.txt`
 * — and one line on the console. The local server lists them at `/_local/outbox` (never in AWS).
 */
export class LocalOutboxTransport implements Transport {
  private readonly dir: string;

  constructor(
    dir: string,
    private readonly hint: (line: string) => void = () => {},
    private listUrl = '',
  ) {
    this.dir = resolve(dir);
  }

  /** Where the local server lists the outbox (known once it listens). */
  setListUrl(url: string): void {
    this.listUrl = url;
  }

  async send(message: OutboxMessage): Promise<{ providerId: string }> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const stamp = message.createdAt.replace(/[-:.]/g, '');
    const name = `${stamp}-${message.id}${message.channel === 'email' ? '.eml' : '.sms.txt'}`;
    const content = message.channel === 'email' ? eml(message) : sms(message);
    // `wx`: a message already written (a retry after a crash) is not written twice
    await writeFile(join(this.dir, name), content, { flag: 'wx', mode: 0o600 }).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      },
    );
    const where = this.listUrl ? `${this.listUrl}/${encodeURIComponent(name)}` : join(this.dir, name);
    this.hint(
      `${message.channel === 'email' ? '✉ e-mail' : '✆ SMS'} to ${message.to}: ${message.subject.slice(0, 60)} → ${where}`,
    );
    return { providerId: `local:${name}` };
  }
}

/** Encoded-word for a header (RFC 2047): UTF-8, base64. */
const header = (value: string) => `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;

function eml(m: OutboxMessage): string {
  return [
    'From: Gongxu <notify@localhost>',
    `To: ${m.to}`,
    `Subject: ${header(m.subject)}`,
    `Date: ${new Date(m.createdAt).toUTCString()}`,
    `Message-ID: <${m.id}@gongxu.local>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    `X-Gongxu-Kind: ${m.kind}`,
    '',
    (
      Buffer.from(m.text, 'utf8')
        .toString('base64')
        .match(/.{1,76}/g) ?? []
    ).join('\r\n'),
    '',
  ].join('\r\n');
}

function sms(m: OutboxMessage): string {
  return `To: ${m.to}\nKind: ${m.kind}\nAt: ${m.createdAt}\n\n${m.text}\n`;
}

export interface LocalOutboxEntry {
  name: string;
  channel: 'email' | 'sms';
  to: string;
  subject: string;
  text: string;
  at: string;
}

/** The outbox's files, newest first, read back (for the local page and tests). */
export async function readLocalOutbox(dir: string): Promise<LocalOutboxEntry[]> {
  let names: string[];
  try {
    names = await readdir(resolve(dir));
  } catch {
    return [];
  }
  const entries: LocalOutboxEntry[] = [];
  for (const name of names
    .filter((n) => n.endsWith('.eml') || n.endsWith('.sms.txt'))
    .sort()
    .reverse()) {
    const raw = await readFile(join(resolve(dir), name), 'utf8');
    entries.push(parseEntry(name, raw));
  }
  return entries;
}

function parseEntry(name: string, raw: string): LocalOutboxEntry {
  if (name.endsWith('.sms.txt')) {
    const [head = '', ...rest] = raw.split('\n\n');
    const field = (key: string) => head.match(new RegExp(`^${key}: (.*)$`, 'm'))?.[1] ?? '';
    const text = rest.join('\n\n').trimEnd();
    return {
      name,
      channel: 'sms',
      to: field('To'),
      subject: text.split(' http')[0] ?? text,
      text,
      at: field('At'),
    };
  }
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  const field = (key: string) => head.match(new RegExp(`^${key}: (.*)$`, 'm'))?.[1]?.trim() ?? '';
  const decodeWord = (value: string) =>
    value.replace(/=\?UTF-8\?B\?([^?]*)\?=/g, (_, b64: string) =>
      Buffer.from(b64, 'base64').toString('utf8'),
    );
  return {
    name,
    channel: 'email',
    to: field('To'),
    subject: decodeWord(field('Subject')),
    text: Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8'),
    at: new Date(field('Date')).toISOString(),
  };
}
