import type { JSX } from 'solid-js';
import { t } from '../i18n/index.ts';
import { Brand } from './brand.tsx';
import { LangSwitch } from './lang-switch.tsx';

/** The frame of the pages before sign-in: brand, language switch, one centred panel. */
export function PublicLayout(props: { children: JSX.Element; wide?: boolean }) {
  return (
    <div class="public">
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header class="public-header">
        <Brand href="/sign-in" />
        <LangSwitch />
      </header>
      <main id="main" class="public-main" classList={{ wide: Boolean(props.wide) }} tabindex="-1">
        {props.children}
      </main>
      <footer class="public-footer">
        <span>{t('app.title')}</span>
      </footer>
    </div>
  );
}
