/**
 * A translatable message as stores produce it: an i18n key and its values.
 * Stores stay free of the translation library; components call t(key, values).
 */
export type Label = { key: string; values?: Record<string, string | number> };
