import type { Mutation } from '../../shared/sync/mutations';
import { markDuplicate } from '../duplicates/mark';
import { answerEvaluation } from '../evaluation/answer';
import type { ApplyContext, ApplyOutcome } from './context';
import { decideServiceName, proposeServiceName } from './service-names';
import { createService, saveServiceDraft } from './services';
import { decideService, submitService, withdrawService } from './service-workflow';

/** Applies one validated intent by its name. */
export function applyMutation(
  ctx: ApplyContext,
  mutation: Mutation,
): Promise<ApplyOutcome> {
  switch (mutation.name) {
    case 'serviceName.propose':
      return proposeServiceName(ctx, mutation.args);
    case 'serviceName.decide':
      return decideServiceName(ctx, mutation.args);
    case 'service.create':
      return createService(ctx, mutation.args);
    case 'service.saveDraft':
      return saveServiceDraft(ctx, mutation.args);
    case 'service.submit':
      return submitService(ctx, mutation.args);
    case 'service.withdraw':
      return withdrawService(ctx, mutation.args);
    case 'service.decide':
      return decideService(ctx, mutation.args);
    case 'evaluation.answer':
      return answerEvaluation(ctx, mutation.args);
    case 'duplicate.mark':
      return markDuplicate(ctx, mutation.args);
  }
}
