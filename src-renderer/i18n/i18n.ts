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
  applyZodLocale('az');
  return instance;
}

/** Switches the UI language, and the language of schema validation messages with it. */
export function applyLanguage(instance: i18n, language: Language): void {
  void instance.changeLanguage(language);
  applyZodLocale(language);
  document.documentElement.lang = language;
}

function applyZodLocale(language: Language): void {
  z.config(zodLocales[language]());
}
