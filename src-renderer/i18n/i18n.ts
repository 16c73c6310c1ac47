import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { z } from 'zod';
import type { Language } from '../../shared/contract/contract';
import az from './az.json';
import en from './en.json';
import ru from './ru.json';

/** The translations, one file per language with the same keys. */
export const resources = {
  az: { translation: az },
  en: { translation: en },
  ru: { translation: ru },
} as const;

const zodLocales: Record<Language, () => Parameters<typeof z.config>[0]> = {
  az: z.locales.az,
  en: z.locales.en,
  ru: z.locales.ru,
};

/** Starts i18next for React in Azerbaijani; validation messages follow the language. */
export async function createI18n(): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    resources,
    lng: 'az',
    fallbackLng: 'az',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyZodLocale(instance, 'az');
  return instance;
}

/** Switches the UI language, and the language of schema validation messages with it. */
export function applyLanguage(instance: i18n, language: Language): void {
  void instance.changeLanguage(language);
  applyZodLocale(instance, language);
  document.documentElement.lang = language;
}

/** The record's text formats whose zod messages we word ourselves. */
const ownFormats = new Set(['email', 'url', 'date']);

/**
 * zod's own locales leave some format names in English ("Yanlış email
 * address"); the formats a record uses get our translations, the rest
 * keep zod's wording.
 */
function applyZodLocale(instance: i18n, language: Language): void {
  const fallback = zodLocales[language]()?.localeError;
  const t = instance.getFixedT(language);
  z.config({
    localeError: (issue) =>
      issue.code === 'invalid_format' && ownFormats.has(issue.format)
        ? t(`validation.${issue.format}`)
        : fallback?.(issue),
  });
}
