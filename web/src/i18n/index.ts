import {
  type BaseTemplateArgs,
  type Flatten,
  flatten,
  resolveTemplate,
  translator,
} from '@solid-primitives/i18n';
import { createSignal } from 'solid-js';
import { en } from './en.ts';
import { type Dict, zh } from './zh.ts';

/**
 * The UI language: Chinese by default, English on request. The choice is kept in localStorage and
 * mirrored on `<html lang>`; the API is asked for the same language (Accept-Language).
 */
export type Lang = 'zh' | 'en';

export const LANGS: readonly Lang[] = ['zh', 'en'];
const STORAGE_KEY = 'gongxu.lang';

type FlatDict = Flatten<Dict>;
const dictionaries: Record<Lang, FlatDict> = { zh: flatten(zh), en: flatten(en) };

/** Keys of the dictionary's strings (not of its groups): `'auth.signIn'`, `'kinds.builder'`, … */
export type TranslationKey = {
  [K in keyof FlatDict]: FlatDict[K] extends string ? K : never;
}[keyof FlatDict];

function storedLang(): Lang {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'en' || value === 'zh' ? value : 'zh';
  } catch {
    return 'zh';
  }
}

const [lang, setLangSignal] = createSignal<Lang>(storedLang());

/** The current UI language (reactive). */
export { lang };

/** BCP 47 tag for `<html lang>` and Accept-Language. */
export const langTag = (value: Lang = lang()): string => (value === 'zh' ? 'zh-CN' : 'en');

function applyToDocument(value: Lang): void {
  document.documentElement.lang = langTag(value);
}

export function setLang(value: Lang): void {
  setLangSignal(value);
  applyToDocument(value);
  try {
    localStorage.setItem(STORAGE_KEY, value);
  } catch {
    // storage unavailable (private mode): the choice lasts for this page only
  }
}

applyToDocument(lang());

const translate = translator(() => dictionaries[lang()], resolveTemplate);

/** Translates a dictionary key in the current language (reactive): `t('auth.signIn')`. */
export const t = (key: TranslationKey, args?: BaseTemplateArgs): string => String(translate(key, args));

/** A message the API sent in both languages, shown in the current one. */
export interface Localized {
  zh: string;
  en: string;
}

export const localized = (message: Localized): string => message[lang()];

/**
 * A field's error as a sentence. The API's English field messages are predicates written to follow
 * the field's name ("is required", "must have at least 2 characters"), so in English the label
 * goes in front; other messages just start with a capital. Chinese messages stand as they are.
 */
export function fieldMessage(label: string, message: string): string {
  if (lang() !== 'en' || !/^[a-z]/.test(message)) return message;
  if (/^(is|are|must|should|has|have|does|do|cannot|can|names)\b/.test(message)) return `${label} ${message}`;
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** A dictionary entry in both languages, for messages that must follow a later language switch. */
export const inBothLanguages = (key: TranslationKey): Localized => ({
  zh: String(dictionaries.zh[key]),
  en: String(dictionaries.en[key]),
});
