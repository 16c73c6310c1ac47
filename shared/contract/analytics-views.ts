import { z } from 'zod';
import { agencyGroupSchema } from '../domain/agency';
import { idSchema } from '../domain/ids';

/** The registry's analytics as the dashboard shows them, and what selects them. */

export const analyticsFiltersSchema = z
  .object({
    agencyId: idSchema.nullable().default(null),
    group: agencyGroupSchema.nullable().default(null),
    category: z.string().max(64).nullable().default(null),
    /** Only business-facing (G2B) services: the G2B module. */
    isG2bOnly: z.boolean().default(false),
  })
  .strict();
export type AnalyticsFilters = z.infer<typeof analyticsFiltersSchema>;

const countRow = {
  services: z.number().int().min(0),
  /** Partly or fully electronic. */
  electronic: z.number().int().min(0),
  g2b: z.number().int().min(0),
};

export const analyticsSchema = z.object({
  /** The presentation's headline figures over the published services selected. */
  indicators: z.object({
    stateBodies: z.number().int(),
    services: z.number().int(),
    g2bServices: z.number().int(),
    electronicServices: z.number().int(),
    nonElectronicServices: z.number().int(),
  }),
  byGroup: z.array(
    z.object({ group: agencyGroupSchema, agencies: z.number().int(), ...countRow }),
  ),
  byCategory: z.array(
    z.object({ code: z.string(), agencies: z.number().int(), ...countRow }),
  ),
  /** Agencies with the most services first. */
  byAgency: z.array(z.object({ agencyId: idSchema, name: z.string(), ...countRow })),
  byChannel: z.array(z.object({ kind: z.string(), services: z.number().int() })),
  /** Published services by the year their version was approved. */
  electronificationByYear: z.array(
    z.object({
      year: z.number().int(),
      electronic: z.number().int(),
      nonElectronic: z.number().int(),
    }),
  ),
  review: z.object({
    waiting: z.number().int(),
    returned: z.number().int(),
    /** Decisions whose time from submission is known, and how many took more than the limit. */
    decided: z.number().int(),
    overLimit: z.number().int(),
    /** Mean working days from submission to decision; null before any decision. */
    meanWorkingDays: z.number().nullable(),
  }),
});
export type Analytics = z.infer<typeof analyticsSchema>;

/** The dashboard's tables, by name, for export. */
export const analyticsViews = [
  'byGroup',
  'byCategory',
  'byAgency',
  'byChannel',
  'electronificationByYear',
] as const;

export const analyticsExportSchema = z
  .object({
    filters: analyticsFiltersSchema,
    view: z.enum(analyticsViews),
    format: z.enum(['xlsx', 'csv']),
    filePath: z.string().min(1).max(4000).optional(),
    overwrite: z.boolean().default(false),
  })
  .strict();

/** A chart the renderer drew, as a PNG data URL, to save where the user chooses. */
export const chartImageSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    /** data:image/png;base64,… — at most about 8 MB of image. */
    dataUrl: z
      .string()
      .max(11_000_000)
      .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/u, 'a PNG data URL'),
    filePath: z.string().min(1).max(4000).optional(),
    overwrite: z.boolean().default(false),
  })
  .strict();
