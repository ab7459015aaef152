import { createSignal, Show } from 'solid-js';
import { ApiError } from '../api/client.ts';
import { type Invitation, issueInvitation } from '../api/imports.ts';
import { lang, localized, t } from '../i18n/index.ts';
import { formatDateTime } from './listing-format.ts';

/**
 * An invited firm's invitation, for its organizer: issue a code (it replaces any earlier one), then
 * the code and the register page's link, to copy or print as a letter. The code is shown once: the
 * API keeps only its hash.
 */

/** Escapes text for the printed invitation's HTML. */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The invitation as a page of its own, printed from a new window (no menus or buttons on paper). */
function printInvitation(invitation: Invitation, link: string) {
  const win = window.open('', '_blank');
  if (!win) return;
  const body = t('imports.printBody', { firm: invitation.name, creditCode: invitation.creditCode });
  win.document.write(
    `<!doctype html><html lang="${lang()}"><head><meta charset="utf-8"><title>${escapeHtml(
      t('imports.printTitle'),
    )}</title><style>body{font:16px/1.7 system-ui,sans-serif;max-width:40em;margin:3em auto;color:#111}code{font-size:1.6em;letter-spacing:.1em}</style></head><body><h1>${escapeHtml(
      t('imports.printTitle'),
    )}</h1><p>${escapeHtml(body)}</p><p>${escapeHtml(t('imports.inviteLink'))}: <strong>${escapeHtml(link)}</strong></p><p>${escapeHtml(
      t('imports.inviteCode'),
    )}: <code>${escapeHtml(invitation.inviteCode)}</code></p><p>${escapeHtml(
      t('imports.inviteExpires', { date: formatDateTime(invitation.expiresAt) }),
    )}</p></body></html>`,
  );
  win.document.close();
  win.focus();
  win.print();
}

export function InviteCell(props: { orgId: string; issued?: boolean }) {
  const [invitation, setInvitation] = createSignal<Invitation>();
  const [copied, setCopied] = createSignal(false);
  const [failed, setFailed] = createSignal<string>();
  const [pending, setPending] = createSignal(false);
  const linkOf = (i: Invitation) => `${window.location.origin}${i.invitePath}`;
  const issue = async () => {
    if (pending()) return;
    setFailed(undefined);
    setPending(true);
    try {
      setInvitation(await issueInvitation(props.orgId));
      setCopied(false);
    } catch (error) {
      setFailed(error instanceof ApiError ? localized(error.messages) : String(error));
    } finally {
      setPending(false);
    }
  };
  const copy = async (i: Invitation) => {
    const text = `${t('imports.inviteLink')}: ${linkOf(i)}\n${t('imports.inviteCode')}: ${i.inviteCode}`;
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch (error) {
      setFailed(String(error));
    }
  };
  return (
    <>
      <Show
        when={invitation()}
        fallback={
          <button
            type="button"
            class="button button-secondary"
            data-testid="issue-invite"
            disabled={pending()}
            aria-busy={pending()}
            onClick={issue}
          >
            {props.issued ? t('invitations.reissue') : t('imports.issueCode')}
          </button>
        }
      >
        {(i) => (
          <div class="invite">
            <code data-testid="invite-code">{i().inviteCode}</code>
            <div>
              <a data-testid="invite-link" href={i().invitePath}>
                {linkOf(i())}
              </a>
            </div>
            <p class="hint">{t('imports.inviteExpires', { date: formatDateTime(i().expiresAt) })}</p>
            <div class="button-row">
              <button type="button" class="button button-secondary" onClick={() => copy(i())}>
                {copied() ? t('imports.copiedInvite') : t('imports.copyInvite')}
              </button>
              <button
                type="button"
                class="button button-secondary"
                onClick={() => printInvitation(i(), linkOf(i()))}
              >
                {t('imports.printInvite')}
              </button>
            </div>
          </div>
        )}
      </Show>
      <Show when={failed()}>
        <p class="field-error" role="alert">
          {failed()}
        </p>
      </Show>
    </>
  );
}
