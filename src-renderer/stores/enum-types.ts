import type { ServiceRecord } from '../../shared/domain/service-record';

/** Enum value types of the record, named for the stores and screens that pick them. */
export type ServiceType = ServiceRecord['type'];
export type ServiceKind = ServiceRecord['kind'];
