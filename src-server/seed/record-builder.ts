import { randomUUID } from 'node:crypto';
import {
  audiences,
  channelKinds,
  legalActKinds,
  serviceKinds,
} from '../../shared/domain/service-record';
import type { ServiceRecord } from '../../shared/domain/service-record';
import { registryCategories } from '../../shared/reference/categories';
import {
  documentNames,
  refusalGrounds,
  resultNames,
  serviceActions,
  serviceObjects,
  stepTitles,
} from './vocabulary';

/** A small seeded generator so demo data is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function some<T>(random: Random, items: readonly T[], min: number, max: number): T[] {
  const count = min + Math.floor(random() * (max - min + 1));
  const chosen = new Set<T>();
  while (chosen.size < Math.min(count, items.length)) chosen.add(pick(random, items));
  return [...chosen];
}

/** A service name such as "Sürücülük vəsiqəsinin dublikatının verilməsi". */
export function serviceNameText(random: Random, index: number): string {
  const base = `${pick(random, serviceObjects)} ${pick(random, serviceActions)}`;
  return index < serviceObjects.length * serviceActions.length
    ? base
    : `${base} (${index})`;
}

/** A complete record that passes the submission rules. */
export function completeRecord(random: Random, name: string): ServiceRecord {
  const type = pick(random, ['electronic', 'partlyElectronic', 'nonElectronic'] as const);
  const degree =
    type === 'electronic'
      ? 100
      : type === 'nonElectronic'
        ? 0
        : 25 + Math.floor(random() * 50);
  const isFree = random() < 0.6;
  const documents = some(random, documentNames, 1, 4).map((docName) => ({
    id: randomUUID(),
    name: docName,
    isFetchedByAgency: docName === 'Doğum haqqında şəhadətnamə',
    sourceSystem:
      docName === 'Doğum haqqında şəhadətnamə' ? 'Ədliyyə Nazirliyinin VVAQ sistemi' : '',
    isOriginalRequired: random() < 0.5,
    note: '',
  }));
  return {
    description: `${name}: müraciət edən şəxsə müvafiq sənədin qanunvericiliyə uyğun olaraq verilməsini təmin edən dövlət xidməti.`,
    categories: some(
      random,
      registryCategories.map((c) => c.code),
      1,
      2,
    ),
    kind: pick(random, serviceKinds),
    type,
    interactivity: type === 'nonElectronic' ? 'informative' : 'interactive',
    audiences: some(random, audiences, 1, 2),
    legalActs: [
      {
        id: randomUUID(),
        kind: pick(random, legalActKinds),
        number: `${100 + Math.floor(random() * 900)}`,
        date: `20${10 + Math.floor(random() * 15)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
        title: 'Dövlət xidmətləri haqqında',
        article: `${1 + Math.floor(random() * 30)}.${1 + Math.floor(random() * 9)}`,
        url: '',
      },
    ],
    electronificationDegree: degree,
    automationDegree: Math.min(degree, 50),
    channels: [
      {
        id: randomUUID(),
        kind: type === 'nonElectronic' ? 'asanCentre' : pick(random, channelKinds),
        form: type === 'nonElectronic' ? 'inPerson' : 'online',
        degree: type === 'electronic' ? 'transactional' : 'twoWay',
        fee: null,
        processingTime: null,
        documentIds: null,
        note: '',
      },
    ],
    fee: isFree
      ? {
          isFree: true,
          amountQepik: null,
          currency: 'AZN',
          legalBasis: '',
          paymentMethods: [],
        }
      : {
          isFree: false,
          amountQepik: (1 + Math.floor(random() * 50)) * 100,
          currency: 'AZN',
          legalBasis: '"Dövlət rüsumu haqqında" Qanun',
          paymentMethods: ['card', 'online'],
        },
    documents,
    processingTime: {
      value: 1 + Math.floor(random() * 30),
      unit: 'workingDays',
      note: '',
    },
    result: {
      name: pick(random, resultNames),
      description: '',
      isElectronic: type === 'electronic',
    },
    steps: some(random, stepTitles, 2, 4).map((title) => ({
      id: randomUUID(),
      title,
      responsible: 'Məsul struktur bölmə',
      timeLimit: '1 iş günü',
    })),
    refusalGrounds: some(random, refusalGrounds, 1, 2),
    complaintProcedure:
      'Qərardan inzibati qaydada yuxarı orqana və ya məhkəməyə şikayət verilə bilər.',
    contact: {
      phone: '+994 12 000 00 00',
      email: '',
      address: 'Bakı şəhəri',
      website: '',
    },
  };
}
