import { langTag } from '../../i18n/index.ts';

/** An instant as the hall's clock shows it: hours and minutes, China time, in the page's language. */
export const hallTime = (iso: string): string =>
  new Intl.DateTimeFormat(langTag(), {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: 'Asia/Shanghai',
  }).format(new Date(iso));
