import { t } from '../i18n/index.ts';

/** Marks a firm its organizer listed that has not claimed its account yet (it cannot answer until then). */
export function NotJoinedBadge() {
  return (
    <span class="badge badge-amber" data-testid="not-joined" title={t('matches.notJoinedHint')}>
      {t('matches.notJoined')}
    </span>
  );
}
