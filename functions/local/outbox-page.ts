import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Hono } from 'hono';
import { readLocalOutbox } from '../notifications/local-outbox.ts';

/** The names the local outbox writes (no path can be smuggled in). */
const FILE_NAME = /^\d{8}T\d{6,9}Z-[0-9A-Z]{26}-[ES]\.(eml|sms\.txt)$/;

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * `/_local/outbox`: the e-mails and SMS `npm start` would have sent, newest first, each opening as
 * its file. Only the local server mounts it (functions/local/web-server.ts); the API app — and so
 * AWS — has no such route.
 */
export function localOutboxRoutes(dir: string): Hono {
  const app = new Hono();
  app.get('/_local/outbox', async (c) => {
    const entries = await readLocalOutbox(dir);
    const rows = entries
      .map(
        (e) =>
          `<tr data-channel="${e.channel}"><td>${escapeHtml(e.at)}</td><td>${e.channel === 'email' ? '邮件 e-mail' : '短信 SMS'}</td>` +
          `<td>${escapeHtml(e.to)}</td><td><a href="/_local/outbox/${encodeURIComponent(e.name)}">${escapeHtml(e.subject)}</a>` +
          `<pre>${escapeHtml(e.text)}</pre></td></tr>`,
      )
      .join('');
    return c.html(
      `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>本地发件箱 Local outbox</title>` +
        `<style>body{font:14px system-ui,sans-serif;margin:2rem;color:#1a1a1a}table{border-collapse:collapse;width:100%}` +
        `td,th{border-bottom:1px solid #ccc;padding:.5rem;text-align:left;vertical-align:top}pre{white-space:pre-wrap;margin:.25rem 0 0}</style></head>` +
        `<body><h1>本地发件箱 · Local outbox</h1><p>npm start 不发送邮件和短信，而是写入 ${escapeHtml(resolve(dir))}。` +
        ` npm start sends no e-mail or SMS: each is written to that folder instead.</p>` +
        `<p data-testid="outbox-count">${entries.length}</p>` +
        `<table><thead><tr><th>时间 At</th><th>渠道 Channel</th><th>收件人 To</th><th>内容 Message</th></tr></thead><tbody>${rows}</tbody></table></body></html>`,
    );
  });
  app.get('/_local/outbox/:name', async (c) => {
    const name = c.req.param('name');
    if (!FILE_NAME.test(name)) return c.text('not found', 404);
    try {
      const content = await readFile(join(resolve(dir), name));
      return c.body(content, 200, {
        'Content-Type': name.endsWith('.eml') ? 'message/rfc822' : 'text/plain; charset=utf-8',
      });
    } catch {
      return c.text('not found', 404);
    }
  });
  return app;
}
