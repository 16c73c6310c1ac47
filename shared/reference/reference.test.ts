import { describe, expect, it } from 'vitest';
import { agencySchema, type AgencyGroup } from '../domain/agency';
import { categorySchema } from '../domain/category';
import { presentationAgencies, VXSIDA_AGENCY_ID } from './agencies';
import { registryCategories } from './categories';

describe('registry categories', () => {
  it('are the ten service areas of the presentation, with its Azerbaijani names and counts', () => {
    expect(
      registryCategories.map((category) => [category.nameAz, category.presentedCount]),
    ).toEqual([
      ['Tikintiyə icazənin verilməsi üzrə icraat', 24],
      ['İqtisadiyyat', 365],
      ['Sosial', 181],
      ['Hüquq və inzibati idarəetmə', 225],
      ['Digər', 50],
      ['Əqli mülkiyyət', 17],
      ['Elm və mədəniyyət', 77],
      ['Kommunal və rabitə xidmətləri', 59],
      ['Energetika və ekologiya', 48],
      ['Təhlükəsizlik və müdafiə', 21],
    ]);
  });

  it('are each valid categories with a unique code', () => {
    for (const category of registryCategories) {
      expect(categorySchema.safeParse(category).success).toBe(true);
    }
    const codes = registryCategories.map((category) => category.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('are shown in the presentation order, 1 to 10', () => {
    expect(registryCategories.map((category) => category.sortOrder)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
  });
});

describe('presentation agencies', () => {
  it('are 48 agencies', () => {
    expect(presentationAgencies).toHaveLength(48);
  });

  it('have unique ids, codes and Azerbaijani names', () => {
    for (const key of ['id', 'code', 'nameAz'] as const) {
      const values = presentationAgencies.map((agency) => agency[key]);
      expect(new Set(values).size, key).toBe(values.length);
    }
  });

  it.each(presentationAgencies.map((agency) => [agency.code, agency] as const))(
    'describe %s as a valid agency',
    (_code, agency) => {
      expect(agencySchema.parse(agency)).toEqual(agency);
    },
  );

  it('fall into the 2023 index groups: 23 central, 15 local, 9 legal entities, and VXSİDA', () => {
    const counts: Record<AgencyGroup, number> = {
      centralExecutive: 0,
      localExecutive: 0,
      legalEntity: 0,
      other: 0,
    };
    for (const agency of presentationAgencies) counts[agency.group] += 1;
    expect(counts).toEqual({
      centralExecutive: 23,
      localExecutive: 15,
      legalEntity: 9,
      other: 1,
    });
  });

  it('name VXSİDA as the one agency outside the index groups', () => {
    const others = presentationAgencies.filter((agency) => agency.group === 'other');
    expect(others.map((agency) => [agency.id, agency.code])).toEqual([
      [VXSIDA_AGENCY_ID, 'vxsida'],
    ]);
  });

  it('include the Ministry of Labour whose index history the presentation shows', () => {
    expect(presentationAgencies.find((agency) => agency.code === 'mlspp')).toMatchObject({
      group: 'centralExecutive',
      nameAz: 'Azərbaycan Respublikasının Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi',
    });
  });

  it('are all active', () => {
    expect(presentationAgencies.every((agency) => agency.isActive)).toBe(true);
  });
});
