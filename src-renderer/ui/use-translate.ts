import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/contract/contract';
import { problemLabel } from '../i18n/problem-messages';
import type { Label } from '../stores/label';

/** t() plus helpers for the label descriptors and messages stores hand out. */
export function useTranslate() {
  const { t, i18n } = useTranslation();
  const language =
    (['az', 'en', 'ru'] as const).find((code) => code === i18n.language) ?? 'az';
  return {
    t,
    language: language satisfies Language,
    label: (label: Label) => t(label.key, label.values ?? {}),
    /** A validation message in the user's language when it is one the rules produce. */
    problem: (message: string) => {
      const known = problemLabel(message);
      return known ? t(known.key, known.values ?? {}) : message;
    },
  };
}
