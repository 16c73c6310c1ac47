import { describe, expect, it, vi } from 'vitest';
import { reasonCodes } from '../../shared/errors';
import {
  audiences,
  channelDegrees,
  contactSchema,
  legalActSchema,
  channelForms,
  channelKinds,
  emptyServiceRecord,
  interactivities,
  legalActKinds,
  paymentMethods,
  serviceFields,
  serviceKinds,
  serviceTypes,
  timeUnits,
  type ServiceRecord,
} from '../../shared/domain/service-record';
import { submissionProblems } from '../../shared/domain/submission-rules';
import { roles } from '../../shared/domain/user';
import { outboxStates } from '../../shared/contract/sync-status';
import { updateFailureSchema } from '../../shared/contract/update-status';
import { workflowStatuses } from '../../shared/workflow/state-machine';
import az from './az.json';
import en from './en.json';
import ru from './ru.json';
import { applyLanguage, createI18n } from './i18n';
import { problemLabel } from './problem-messages';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [inner, text] of flatten(value, path)) entries.set(inner, text);
  }
  return entries;
}

const languages = { az: flatten(az), en: flatten(en), ru: flatten(ru) };

describe('translations', () => {
  it('have exactly the same keys in Azerbaijani, English and Russian', () => {
    const azKeys = [...languages.az.keys()].sort();
    expect([...languages.en.keys()].sort()).toEqual(azKeys);
    expect([...languages.ru.keys()].sort()).toEqual(azKeys);
  });

  it.each(Object.entries(languages))(
    'leave no text empty in %s',
    (_language, entries) => {
      const empty = [...entries]
        .filter(([, text]) => text.trim() === '')
        .map(([key]) => key);
      expect(empty).toEqual([]);
    },
  );

  it('use the login labels the presentation users know in Azerbaijani', () => {
    expect(languages.az.get('login.username')).toBe('İstifadəçi adı');
    expect(languages.az.get('login.password')).toBe('Şifrə');
    expect(languages.az.get('login.submit')).toBe('Daxil ol');
  });

  it('label every value of every enum the screens show', () => {
    const enums: Record<string, readonly string[]> = {
      status: workflowStatuses,
      syncState: ['synced', 'pending', 'rejected', 'conflict'],
      outboxState: outboxStates,
      role: roles,
      serviceKind: serviceKinds,
      serviceType: serviceTypes,
      interactivity: interactivities,
      audience: audiences,
      legalActKind: legalActKinds,
      channelKind: channelKinds,
      channelForm: channelForms,
      channelDegree: channelDegrees,
      paymentMethod: paymentMethods,
      timeUnit: timeUnits,
    };
    const missing = Object.entries(enums).flatMap(([group, values]) =>
      values
        .map((value) => `enums.${group}.${value}`)
        .filter((key) => !languages.az.has(key)),
    );
    expect(missing).toEqual([]);
  });

  it('title every field of the service record and explain every reason code', () => {
    const keys = [
      ...serviceFields.map((field) => `record.${field}.title`),
      ...reasonCodes.map((code) => `errors.codes.${code}`),
      ...updateFailureSchema.options.map((reason) => `updates.failure.${reason}`),
      ...['installOnQuit', 'dontInstall', 'checkAgain'].map((a) => `updates.action.${a}`),
    ];
    expect(keys.filter((key) => !languages.az.has(key))).toEqual([]);
  });

  it('translate every message the shared submission rules can produce', () => {
    const id = '00000000-0000-4000-8000-000000000001';
    const broken: ServiceRecord = {
      ...emptyServiceRecord(),
      type: 'electronic',
      categories: ['nowhere', 'nowhere'],
      legalActs: [
        { id, kind: 'law', number: '', date: '', title: '', article: '', url: '' },
      ],
      fee: {
        isFree: false,
        amountQepik: null,
        currency: 'AZN',
        legalBasis: '',
        paymentMethods: [],
      },
      channels: [
        {
          id,
          kind: 'post',
          form: 'postal',
          degree: 'oneWay',
          fee: {
            isFree: true,
            amountQepik: 5,
            currency: 'AZN',
            legalBasis: '',
            paymentMethods: [],
          },
          processingTime: null,
          documentIds: ['00000000-0000-4000-8000-000000000009'],
          note: '',
        },
      ],
      documents: [
        {
          id,
          name: '',
          isFetchedByAgency: true,
          sourceSystem: '',
          isOriginalRequired: false,
          note: '',
        },
      ],
      steps: [{ id, title: '', responsible: '', timeLimit: '' }],
    };
    const problems = [
      ...submissionProblems(broken, new Set()),
      ...submissionProblems(
        { ...emptyServiceRecord(), electronificationDegree: 50 },
        new Set(),
      ),
    ];
    expect(problems.length).toBeGreaterThanOrEqual(18);
    const untranslated = problems.filter((problem) => {
      const label = problemLabel(problem.message);
      return label === null || !languages.az.has(label.key);
    });
    expect(untranslated).toEqual([]);
  });

  it('word a malformed e-mail, address and date in the user’s language, not zod’s English', async () => {
    const instance = await createI18n();
    const actId = '00000000-0000-4000-8000-000000000001';
    const messageOf = (result: { error?: { issues: Array<{ message: string }> } }) =>
      result.error?.issues[0]?.message;

    expect(messageOf(contactSchema.safeParse({ email: 'ad@' }))).toBe(
      'Yanlış e-poçt ünvanı',
    );
    expect(messageOf(contactSchema.safeParse({ website: 'mlspp.gov.az' }))).toMatch(
      /^Yanlış veb ünvan/,
    );
    expect(
      messageOf(legalActSchema.safeParse({ id: actId, kind: 'law', date: '2024-13-45' })),
    ).toBe('Yanlış tarix (İİİİ-AA-GG)');

    vi.stubGlobal('document', { documentElement: { lang: 'az' } });
    applyLanguage(instance, 'ru');
    expect(messageOf(contactSchema.safeParse({ email: 'ad@' }))).toBe(
      'Неверный адрес электронной почты',
    );
    vi.unstubAllGlobals();
  });
});
