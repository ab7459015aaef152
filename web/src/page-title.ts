import { createEffect } from 'solid-js';
import { type TranslationKey, t } from './i18n/index.ts';

/** Keeps `document.title` on the page's name, in the current language. */
export function usePageTitle(key: TranslationKey | (() => string)): void {
  createEffect(() => {
    const page = typeof key === 'function' ? key() : t(key);
    document.title = page ? `${page} · ${t('app.name')}` : t('app.title');
  });
}
