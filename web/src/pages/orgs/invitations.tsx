import { createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { createLoadMore } from '../../api/load-more.ts';
import { fetchInvitedOrgs, getInvitedOrgs, type InvitedOrg } from '../../api/orgs.ts';
import { InviteCell } from '../../components/invite-cell.tsx';
import { formatDateTime, formatNumber } from '../../components/listing-format.ts';
import { RegionName } from '../../components/region-name.tsx';
import { localized, t } from '../../i18n/index.ts';
import { usePageTitle } from '../../page-title.ts';

/**
 * /invitations — the organizer's firms yet to join: those its imports listed that have not claimed
 * their account, with their open listings, whether a code is out, and a new code to copy or print.
 */
export default function InvitationsPage() {
  usePageTitle('invitations.title');
  const first = createAsync(() => getInvitedOrgs(undefined));
  const pages = createLoadMore(first, fetchInvitedOrgs);
  const codeState = (org: InvitedOrg) => {
    if (!org.inviteExpiresAt) return t('invitations.notIssued');
    const date = formatDateTime(org.inviteExpiresAt);
    return Date.parse(org.inviteExpiresAt) <= Date.now()
      ? t('invitations.expired', { date })
      : t('invitations.issuedUntil', { date });
  };
  return (
    <>
      <header class="page-header">
        <div>
          <h1 class="page-title">{t('invitations.title')}</h1>
          <p class="page-lead">{t('invitations.lead')}</p>
        </div>
      </header>
      <section class="card" aria-labelledby="invitations-title">
        <h2 id="invitations-title" class="sr-only">
          {t('invitations.title')}
        </h2>
        <Show when={first()}>
          <Show
            when={pages.items().length > 0}
            fallback={
              <p class="muted" data-testid="invitations-none">
                {t('invitations.none')}
              </p>
            }
          >
            <div class="table-wrap" tabindex="0">
              <table class="data-table table-stack" data-testid="invitations">
                <thead>
                  <tr>
                    <th scope="col">{t('invitations.firm')}</th>
                    <th scope="col">{t('invitations.region')}</th>
                    <th scope="col" class="num">
                      {t('invitations.listings')}
                    </th>
                    <th scope="col">{t('invitations.codeState')}</th>
                    <th scope="col">{t('invitations.code')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={pages.items()}>
                    {(org) => (
                      <tr data-testid="invited-org" data-org-id={org.id} data-name={org.name}>
                        <td>
                          <strong>{org.name}</strong>
                          <div class="hint">{org.creditCode}</div>
                        </td>
                        <td data-label={t('invitations.region')}>
                          <RegionName adcode={org.adcode} />
                        </td>
                        <td class="num" data-label={t('invitations.listings')}>
                          {formatNumber(org.openListings)}
                        </td>
                        <td data-testid="invite-state" data-label={t('invitations.codeState')}>
                          {codeState(org)}
                        </td>
                        <td data-label={t('invitations.code')}>
                          <InviteCell orgId={org.id} issued={org.inviteExpiresAt !== undefined} />
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
          <Show when={pages.hasMore()}>
            <button
              type="button"
              class="button"
              disabled={pages.loading()}
              aria-busy={pages.loading()}
              onClick={() => pages.loadMore()}
            >
              {t('invitations.loadMore')}
            </button>
          </Show>
          <Show when={pages.error()}>
            {(e) => (
              <p class="field-error" role="alert">
                {localized(e().messages)}
              </p>
            )}
          </Show>
        </Show>
      </section>
    </>
  );
}
