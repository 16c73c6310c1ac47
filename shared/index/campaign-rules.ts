import type { CampaignStatus } from './campaign';

/**
 * A campaign's statuses: evaluators answer while it is open; closed stops
 * answers (and may reopen, to fix an item); published is final, since its
 * results have gone out to the providers.
 */
const nextStatuses: Record<CampaignStatus, readonly CampaignStatus[]> = {
  open: ['closed'],
  closed: ['open', 'published'],
  published: [],
};

/** Whether a campaign may move from one status to another. */
export function canChangeCampaignStatus(
  from: CampaignStatus,
  to: CampaignStatus,
): boolean {
  return nextStatuses[from].includes(to);
}

/** The statuses a campaign in `from` may move to. */
export function nextCampaignStatuses(from: CampaignStatus): readonly CampaignStatus[] {
  return nextStatuses[from];
}

/** Whether evaluators may record answers in a campaign in this status. */
export function acceptsAnswers(status: CampaignStatus): boolean {
  return status === 'open';
}
