import { A } from '@solidjs/router';
import { t } from '../i18n/index.ts';
import { usePageTitle } from '../page-title.ts';

export default function NotFoundPage() {
  usePageTitle('notFound.title');
  return (
    <section class="card empty-state">
      <h1 class="card-title">{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <A href="/" class="button button-secondary">
        {t('notFound.home')}
      </A>
    </section>
  );
}
