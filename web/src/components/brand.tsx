import { A } from '@solidjs/router';
import { t } from '../i18n/index.ts';

/** The logo mark (two arrows meeting: supply and demand) and the product name. */
export function Brand(props: { href?: string }) {
  return (
    <A href={props.href ?? '/'} class="brand" end>
      <svg class="brand-mark" viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="7" fill="currentColor" />
        <path
          d="M7 12h14l-4-4M25 20H11l4 4"
          fill="none"
          stroke="#fff"
          stroke-width="2.6"
          stroke-linecap="round"
          stroke-linejoin="round"
        />
      </svg>
      <span class="brand-name">{t('app.name')}</span>
      <span class="brand-tagline">{t('app.tagline')}</span>
    </A>
  );
}
