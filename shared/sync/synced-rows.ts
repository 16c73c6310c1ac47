import type { Agency } from '../domain/agency';
import type { Category } from '../domain/category';
import { publishedVersion, workingVersion } from '../domain/service';
import type { Service } from '../domain/service';
import type { ServiceName } from '../domain/service-name';
import type { ServiceRecord } from '../domain/service-record';
import type { DuplicateCandidate } from '../duplicates/duplicate-candidate';
import type { Campaign, EvaluationAnswer, PublishedResult } from '../index/campaign';
import type { Methodology } from '../index/methodology';
import { foldAz, sortKeyAz } from '../text/az';
import type { WorkflowStatus } from '../workflow/state-machine';

/**
 * The rows of the desktop's synced tables (snapshot-layout.ts) for the
 * entities the server sends. The desktop writes pulled entities through
 * these, and the server fills first-sync snapshots through the same
 * functions, so a snapshot holds exactly the rows a pull would have written.
 */

/** A local overlay's part in what the list shows: the record and status being edited. */
export interface ServiceOverlayView {
  record: ServiceRecord;
  status: WorkflowStatus;
  updatedAt: string;
}

/** The record and status a user sees: the local overlay, else the working or published version. */
export function effectiveVersion(
  service: Service,
  overlay: ServiceOverlayView | null,
): { record: ServiceRecord | null; status: WorkflowStatus; updatedAt: string } {
  if (overlay) return overlay;
  const version = workingVersion(service) ?? publishedVersion(service);
  if (!version) return { record: null, status: 'draft', updatedAt: service.createdAt };
  return { record: version.record, status: version.status, updatedAt: version.updatedAt };
}

export interface ServiceRow {
  id: string;
  agency_id: string;
  service_name_id: string;
  registry_code: string;
  revision: number;
  name: string;
  name_sort: string;
  name_fold: string;
  type: string;
  status: string;
  categories: string;
  is_g2b: number;
  updated_at: string;
  has_published: number;
  published_type: string | null;
  published_is_g2b: number;
  published_categories: string;
  /** When the version now in review was submitted; null unless it is submitted. */
  submitted_at: string | null;
}

/**
 * The folded text search runs over: the name by Azerbaijani rules, and the
 * registry code both ways, since "XID" folds to "xıd" by those rules while
 * people type a code's I as i.
 */
export function serviceSearchText(name: string, registryCode: string): string {
  return `${foldAz(name)} ${foldAz(registryCode)} ${registryCode.toLowerCase()}`;
}

/** The columns of a service row that follow its name. */
export function serviceNameColumns(
  name: string,
  registryCode: string,
): Pick<ServiceRow, 'name' | 'name_sort' | 'name_fold'> {
  return {
    name,
    name_sort: sortKeyAz(name),
    name_fold: serviceSearchText(name, registryCode),
  };
}

/** The row for one service: the columns lists, filters and search query. */
export function serviceRow(
  service: Service,
  name: string,
  overlay: ServiceOverlayView | null,
): ServiceRow {
  const shown = effectiveVersion(service, overlay);
  const published = publishedVersion(service);
  return {
    id: service.id,
    agency_id: service.agencyId,
    service_name_id: service.serviceNameId,
    registry_code: service.registryCode,
    revision: service.revision,
    ...serviceNameColumns(name, service.registryCode),
    type: shown.record?.type ?? 'nonElectronic',
    status: shown.status,
    categories: JSON.stringify(shown.record?.categories ?? []),
    is_g2b: shown.record?.audiences.includes('G2B') ? 1 : 0,
    updated_at: shown.updatedAt,
    has_published: published ? 1 : 0,
    published_type: published?.record.type ?? null,
    published_is_g2b: published?.record.audiences.includes('G2B') ? 1 : 0,
    published_categories: JSON.stringify(published?.record.categories ?? []),
    submitted_at:
      shown.status === 'submitted'
        ? (workingVersion(service)?.submittedAt ?? shown.updatedAt)
        : null,
  };
}

/** The whole server document, kept apart from the narrow row. */
export function serviceDocumentRow(service: Service): {
  service_id: string;
  document: string;
} {
  return { service_id: service.id, document: JSON.stringify(service) };
}

export interface ServiceNameRow {
  id: string;
  agency_id: string;
  name: string;
  aliases: string;
  status: string;
  submission_no: number;
  reason: string;
  revision: number;
  proposed_by: string;
  proposed_at: string;
  decided_by: string | null;
  decided_at: string | null;
}

export function serviceNameRow(name: ServiceName): ServiceNameRow {
  return {
    id: name.id,
    agency_id: name.agencyId,
    name: name.name,
    aliases: JSON.stringify(name.aliases),
    status: name.status,
    submission_no: name.submissionNo,
    reason: name.reason,
    revision: name.revision,
    proposed_by: name.proposedBy,
    proposed_at: name.proposedAt,
    decided_by: name.decidedBy,
    decided_at: name.decidedAt,
  };
}

export interface AgencyRow {
  id: string;
  code: string;
  group_name: string;
  name_az: string;
  name_en: string;
  is_active: number | boolean;
}

export function agencyRow(agency: Agency): AgencyRow {
  return {
    id: agency.id,
    code: agency.code,
    group_name: agency.group,
    name_az: agency.nameAz,
    name_en: agency.nameEn,
    is_active: agency.isActive ? 1 : 0,
  };
}

export interface CategoryRow {
  code: string;
  name_az: string;
  name_en: string;
  name_ru: string;
  sort_order: number;
}

export function categoryRow(category: Category): CategoryRow {
  return {
    code: category.code,
    name_az: category.nameAz,
    name_en: category.nameEn,
    name_ru: category.nameRu,
    sort_order: category.sortOrder,
  };
}

export function candidateRow(candidate: DuplicateCandidate) {
  return {
    id: candidate.id,
    a_service_id: candidate.aServiceId,
    b_service_id: candidate.bServiceId,
    score: candidate.score,
    doc: JSON.stringify(candidate),
  };
}

export function methodologyRow(methodology: Methodology) {
  return { id: methodology.id, doc: JSON.stringify(methodology) };
}

export function campaignRow(campaign: Campaign) {
  return { id: campaign.id, doc: JSON.stringify(campaign) };
}

export function answerRow(answer: EvaluationAnswer) {
  return {
    id: answer.id,
    campaign_id: answer.campaignId,
    service_id: answer.serviceId,
    sub_criterion_code: answer.subCriterionCode,
    evaluator_id: answer.evaluatorId,
    doc: JSON.stringify(answer),
  };
}

export function publishedResultRow(result: PublishedResult) {
  return {
    id: result.id,
    year: result.year,
    agency_id: result.agencyId,
    doc: JSON.stringify(result),
  };
}
