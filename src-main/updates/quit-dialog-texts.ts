import type { Language } from '../../shared/contract/contract';
import type { QuitAnswer, QuitQuestion } from './quit-decision';

/** One message box: its text and the answer each button gives, the first the default. */
export interface QuitDialog {
  message: string;
  detail: string;
  buttons: Array<{ label: string; answer: QuitAnswer }>;
}

/**
 * The quit hook's questions in the user's language. They live in main,
 * not in the renderer's i18n files, because the window may already be
 * closing when they are asked.
 */
export function quitDialog(question: QuitQuestion, language: Language): QuitDialog {
  const v = question.version;
  if (question.kind === 'install') {
    return {
      az: {
        message: `DXER Desktop ${v} yeniləməsi hazırdır.`,
        detail: 'Proqram bağlanarkən quraşdırılsın?',
        buttons: [
          { label: 'Quraşdır və bağla', answer: 'install' as const },
          { label: 'Quraşdırmadan bağla', answer: 'skip' as const },
        ],
      },
      en: {
        message: `DXER Desktop ${v} is ready to install.`,
        detail: 'Install it while the app closes?',
        buttons: [
          { label: 'Install and close', answer: 'install' as const },
          { label: 'Close without installing', answer: 'skip' as const },
        ],
      },
      ru: {
        message: `Обновление DXER Desktop ${v} готово.`,
        detail: 'Установить его при закрытии программы?',
        buttons: [
          { label: 'Установить и закрыть', answer: 'install' as const },
          { label: 'Закрыть без установки', answer: 'skip' as const },
        ],
      },
    }[language];
  }
  const n = question.unsynced;
  return {
    az: {
      message: `${n} dəyişiklik hələ serverə göndərilməyib.`,
      detail: `Yeniləmə ${v} onlar göndərildikdən sonra quraşdırılacaq. Dəyişikliklər bu kompüterdə saxlanılır.`,
      buttons: [
        { label: 'Göndərilməsini gözlə', answer: 'wait' as const },
        { label: 'Yenə də quraşdır', answer: 'installAnyway' as const },
        { label: 'Quraşdırmadan bağla', answer: 'skip' as const },
      ],
    },
    en: {
      message: `${n} change(s) have not reached the server yet.`,
      detail: `Update ${v} will install once they are sent. The changes are kept on this computer.`,
      buttons: [
        { label: 'Wait for them to be sent', answer: 'wait' as const },
        { label: 'Install anyway', answer: 'installAnyway' as const },
        { label: 'Close without installing', answer: 'skip' as const },
      ],
    },
    ru: {
      message: `Изменений, ещё не отправленных на сервер: ${n}.`,
      detail: `Обновление ${v} установится после их отправки. Изменения сохранены на этом компьютере.`,
      buttons: [
        { label: 'Дождаться отправки', answer: 'wait' as const },
        { label: 'Всё равно установить', answer: 'installAnyway' as const },
        { label: 'Закрыть без установки', answer: 'skip' as const },
      ],
    },
  }[language];
}
