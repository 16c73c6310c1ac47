import type { Category } from '../domain/category';

/**
 * The ten service areas of the registry as listed in VXSİDA's March 2024
 * presentation, with the number of services it reported in each (a service
 * can be in several areas, so these do not add up to the total).
 */
export const registryCategories: ReadonlyArray<Category & { presentedCount: number }> = [
  {
    code: 'construction-permits',
    nameAz: 'Tikintiyə icazənin verilməsi üzrə icraat',
    nameEn: 'Construction permits',
    nameRu: 'Выдача разрешений на строительство',
    sortOrder: 1,
    presentedCount: 24,
  },
  {
    code: 'economy',
    nameAz: 'İqtisadiyyat',
    nameEn: 'Economy',
    nameRu: 'Экономика',
    sortOrder: 2,
    presentedCount: 365,
  },
  {
    code: 'social',
    nameAz: 'Sosial',
    nameEn: 'Social',
    nameRu: 'Социальная сфера',
    sortOrder: 3,
    presentedCount: 181,
  },
  {
    code: 'law-administration',
    nameAz: 'Hüquq və inzibati idarəetmə',
    nameEn: 'Law and public administration',
    nameRu: 'Право и государственное управление',
    sortOrder: 4,
    presentedCount: 225,
  },
  {
    code: 'other',
    nameAz: 'Digər',
    nameEn: 'Other',
    nameRu: 'Другое',
    sortOrder: 5,
    presentedCount: 50,
  },
  {
    code: 'intellectual-property',
    nameAz: 'Əqli mülkiyyət',
    nameEn: 'Intellectual property',
    nameRu: 'Интеллектуальная собственность',
    sortOrder: 6,
    presentedCount: 17,
  },
  {
    code: 'science-culture',
    nameAz: 'Elm və mədəniyyət',
    nameEn: 'Science and culture',
    nameRu: 'Наука и культура',
    sortOrder: 7,
    presentedCount: 77,
  },
  {
    code: 'utilities-communications',
    nameAz: 'Kommunal və rabitə xidmətləri',
    nameEn: 'Utilities and communications',
    nameRu: 'Коммунальные услуги и связь',
    sortOrder: 8,
    presentedCount: 59,
  },
  {
    code: 'energy-ecology',
    nameAz: 'Energetika və ekologiya',
    nameEn: 'Energy and ecology',
    nameRu: 'Энергетика и экология',
    sortOrder: 9,
    presentedCount: 48,
  },
  {
    code: 'security-defence',
    nameAz: 'Təhlükəsizlik və müdafiə',
    nameEn: 'Security and defence',
    nameRu: 'Безопасность и оборона',
    sortOrder: 10,
    presentedCount: 21,
  },
];
