import type { Agency } from '../../shared/domain/agency';
import type { Category } from '../../shared/domain/category';
import type { Remark } from '../../shared/domain/remark';
import type { ReviewEvent } from '../../shared/domain/review-event';
import type { ServiceVersion } from '../../shared/domain/service';
import type { ServiceName } from '../../shared/domain/service-name';
import type { ServiceRecord } from '../../shared/domain/service-record';
import type { WorkflowStatus } from '../../shared/workflow/state-machine';
import { toBool, toNumber } from '../db/rows';

/** Explicit row ↔ model mapping for the registry tables. */

export interface AgencyRow {
  id: string;
  code: string;
  group_name: string;
  name_az: string;
  name_en: string;
  is_active: unknown;
  updated_at: string;
}

export interface CategoryRow {
  code: string;
  name_az: string;
  name_en: string;
  name_ru: string;
  sort_order: unknown;
}

export interface ServiceNameRow {
  id: string;
  agency_id: string;
  name: string;
  aliases: string;
  status: string;
  submission_no: unknown;
  reason: string;
  revision: unknown;
  proposed_by: string;
  proposed_at: string;
  decided_by: string | null;
  decided_at: string | null;
}

export interface ServiceRow {
  id: string;
  agency_id: string;
  service_name_id: string;
  registry_code: string;
  revision: unknown;
  created_at: string;
}

export interface VersionRow {
  id: string;
  service_id: string;
  number: unknown;
  status: string;
  record: string;
  submission_no: unknown;
  remarks: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  submitted_at: string | null;
  submitted_by: string | null;
  decided_at: string | null;
  decided_by: string | null;
  history: string;
}

export function agencyFromRow(row: AgencyRow): Agency {
  return {
    id: row.id,
    code: row.code,
    group: row.group_name as Agency['group'],
    nameAz: row.name_az,
    nameEn: row.name_en,
    isActive: toBool(row.is_active),
  };
}

export function categoryFromRow(row: CategoryRow): Category {
  return {
    code: row.code,
    nameAz: row.name_az,
    nameEn: row.name_en,
    nameRu: row.name_ru,
    sortOrder: toNumber(row.sort_order),
  };
}

export function serviceNameFromRow(row: ServiceNameRow): ServiceName {
  return {
    id: row.id,
    agencyId: row.agency_id,
    name: row.name,
    aliases: JSON.parse(row.aliases) as string[],
    status: row.status as WorkflowStatus,
    submissionNo: toNumber(row.submission_no),
    reason: row.reason,
    revision: toNumber(row.revision),
    proposedBy: row.proposed_by,
    proposedAt: row.proposed_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
  };
}

export function versionFromRow(row: VersionRow): ServiceVersion {
  return {
    id: row.id,
    serviceId: row.service_id,
    number: toNumber(row.number),
    status: row.status as WorkflowStatus,
    record: JSON.parse(row.record) as ServiceRecord,
    submissionNo: toNumber(row.submission_no),
    remarks: JSON.parse(row.remarks) as Remark[],
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    submittedBy: row.submitted_by,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    history: JSON.parse(row.history) as ReviewEvent[],
  };
}

export function versionToRow(version: ServiceVersion): VersionRow {
  return {
    id: version.id,
    service_id: version.serviceId,
    number: version.number,
    status: version.status,
    record: JSON.stringify(version.record),
    submission_no: version.submissionNo,
    remarks: JSON.stringify(version.remarks),
    created_at: version.createdAt,
    created_by: version.createdBy,
    updated_at: version.updatedAt,
    submitted_at: version.submittedAt,
    submitted_by: version.submittedBy,
    decided_at: version.decidedAt,
    decided_by: version.decidedBy,
    history: JSON.stringify(version.history),
  };
}

export function agencyToRow(agency: Agency, updatedAt: string): AgencyRow {
  return {
    id: agency.id,
    code: agency.code,
    group_name: agency.group,
    name_az: agency.nameAz,
    name_en: agency.nameEn,
    is_active: agency.isActive,
    updated_at: updatedAt,
  };
}
