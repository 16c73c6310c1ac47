import type { Knex } from 'knex';
import type {
  CampaignDetail,
  CampaignSummary,
  EvaluationSheet,
  Progress,
  SheetItem,
} from '../../shared/contract/evaluation-views';
import type { User } from '../../shared/domain/user';
import { DomainError } from '../../shared/errors';
import type { Campaign, EvaluationAnswer } from '../../shared/index/campaign';
import { answerProblems } from '../../shared/index/answer-rules';
import {
  effectiveAnswers,
  progress,
  serviceResult,
} from '../../shared/index/computation';
import type { Methodology } from '../../shared/index/methodology';
import {
  answerEdits,
  campaignAnswers,
  getCampaign,
  getMethodology,
  listCampaigns,
} from '../local-store/evaluation-tables';
import type { AnswerEdit } from '../local-store/evaluation-tables';
import { listOutbox } from '../local-store/outbox-table';
import { agencyName } from '../local-store/reference-tables';
import { serviceLabels } from '../local-store/services-table';

/** Every sub-criterion code of a methodology, in its order. */
function subCriterionCodes(methodology: Methodology): string[] {
  return methodology.parameters.flatMap((parameter) =>
    parameter.criteria.flatMap((criterion) =>
      criterion.subCriteria.map((sub) => sub.code),
    ),
  );
}

/**
 * The campaign's answers as this user sees them: the server's, with this
 * evaluator's own unconfirmed edits in place of (or in addition to) their
 * answers, and a withdrawn one left out.
 */
function withEdits(
  answers: readonly EvaluationAnswer[],
  edits: readonly AnswerEdit[],
  user: User | null,
): EvaluationAnswer[] {
  if (!user || edits.length === 0) return [...answers];
  const editKey = (serviceId: string, code: string) => `${serviceId}|${code}`;
  const byKey = new Map(
    edits.map((edit) => [editKey(edit.serviceId, edit.subCriterionCode), edit]),
  );
  const result = answers.filter(
    (answer) =>
      answer.evaluatorId !== user.id ||
      !byKey.has(editKey(answer.serviceId, answer.subCriterionCode)),
  );
  for (const edit of edits) {
    if (edit.value === null) continue;
    result.push({
      id: edit.answerId,
      campaignId: edit.campaignId,
      serviceId: edit.serviceId,
      subCriterionCode: edit.subCriterionCode,
      evaluatorId: user.id,
      evaluatorName: user.displayName,
      value: edit.value,
      note: edit.note,
      evidenceRef: edit.evidenceRef,
      revision: edit.baseRevision ?? 1,
      updatedAt: edit.updatedAt,
    });
  }
  return result;
}

interface CampaignData {
  campaign: Campaign;
  methodology: Methodology;
  answers: EvaluationAnswer[];
}

async function campaignData(
  db: Knex,
  user: User | null,
  campaign: Campaign,
): Promise<CampaignData | null> {
  const methodology = await getMethodology(db, campaign.methodologyId);
  if (!methodology) return null;
  const answers = withEdits(
    await campaignAnswers(db, campaign.id),
    await answerEdits(db, campaign.id),
    user,
  );
  return { campaign, methodology, answers };
}

async function requireCampaign(db: Knex, user: User | null, campaignId: string) {
  const campaign = await getCampaign(db, campaignId);
  const data = campaign ? await campaignData(db, user, campaign) : null;
  if (!data) {
    throw new DomainError('NOT_FOUND', 'No such campaign on this computer', [
      { path: 'campaignId', message: 'not found' },
    ]);
  }
  return data;
}

const asProgress = (count: { answered: number; toAnswer: number }): Progress => ({
  answered: count.answered,
  total: count.toAnswer,
});

function summaryOf(data: CampaignData, user: User | null): CampaignSummary {
  const { campaign, methodology, answers } = data;
  const counted = progress(campaign, methodology, answers);
  const isEvaluator = user !== null && campaign.evaluatorIds.includes(user.id);
  const mine = counted.evaluators.find((evaluator) => evaluator.evaluatorId === user?.id);
  return {
    id: campaign.id,
    year: campaign.year,
    name: campaign.name,
    status: campaign.status,
    methodology: {
      id: methodology.id,
      version: methodology.version,
      name: methodology.name,
    },
    providerCount: campaign.providers.length,
    serviceCount: campaign.services.length,
    progress: asProgress(counted),
    myProgress: isEvaluator
      ? asProgress(mine ?? { answered: 0, toAnswer: counted.toAnswer })
      : null,
  };
}

/** The campaigns on this computer with their progress, newest first. */
export async function campaignSummaries(
  db: Knex,
  user: User | null,
): Promise<CampaignSummary[]> {
  const summaries: CampaignSummary[] = [];
  for (const campaign of await listCampaigns(db)) {
    const data = await campaignData(db, user, campaign);
    if (data) summaries.push(summaryOf(data, user));
  }
  return summaries;
}

/** A campaign's providers, services and evaluators with how far each has got. */
export async function campaignDetail(
  db: Knex,
  user: User | null,
  campaignId: string,
): Promise<CampaignDetail> {
  const data = await requireCampaign(db, user, campaignId);
  const { campaign, methodology, answers } = data;
  const counted = progress(campaign, methodology, answers);
  const { byService, disputes } = effectiveAnswers(answers);
  const items = subCriterionCodes(methodology).length;
  const labels = await serviceLabels(
    db,
    campaign.services.map((service) => service.serviceId),
  );
  const providerNames = new Map<string, string>();
  for (const provider of campaign.providers) {
    providerNames.set(provider.agencyId, await agencyName(db, provider.agencyId));
  }
  const evaluatorNames = new Map(
    answers.map((answer) => [answer.evaluatorId, answer.evaluatorName]),
  );
  if (user) evaluatorNames.set(user.id, user.displayName);

  return {
    summary: summaryOf(data, user),
    providers: campaign.providers.map((provider) => ({
      agencyId: provider.agencyId,
      name: providerNames.get(provider.agencyId) ?? '',
      group: provider.group,
      serviceCount: campaign.services.filter((s) => s.agencyId === provider.agencyId)
        .length,
      progress: asProgress(
        counted.providers.find((p) => p.agencyId === provider.agencyId) ?? {
          answered: 0,
          toAnswer: 0,
        },
      ),
    })),
    services: campaign.services.map(({ serviceId, agencyId }) => {
      const values = byService.get(serviceId) ?? new Map();
      const result = values.size > 0 ? serviceResult(methodology, values) : null;
      return {
        serviceId,
        name: labels.get(serviceId) ?? serviceId,
        agencyId,
        progress: { answered: values.size, total: items },
        myProgress: {
          answered: answers.filter(
            (answer) => answer.serviceId === serviceId && answer.evaluatorId === user?.id,
          ).length,
          total: items,
        },
        disputed: disputes.filter((dispute) => dispute.serviceId === serviceId).length,
        percent: result?.percent ?? null,
      };
    }),
    evaluators: campaign.evaluatorIds.map((evaluatorId) => ({
      evaluatorId,
      name: evaluatorNames.get(evaluatorId) ?? '',
      progress: asProgress(
        counted.evaluators.find((e) => e.evaluatorId === evaluatorId) ?? {
          answered: 0,
          toAnswer: counted.toAnswer,
        },
      ),
    })),
  };
}

type AnswerSyncState = NonNullable<SheetItem['mine']>['syncState'];

/** Where this desktop's unconfirmed answers stand, by answer id. */
async function answerSyncStates(db: Knex): Promise<Map<string, AnswerSyncState>> {
  const entries = await listOutbox(db, {
    states: ['pending', 'sending', 'applied', 'rejected', 'conflict'],
  });
  const states = new Map<string, AnswerSyncState>();
  for (const entry of entries) {
    if (entry.name !== 'evaluation.answer') continue;
    const state: AnswerSyncState =
      entry.state === 'conflict' || entry.state === 'rejected' ? entry.state : 'pending';
    states.set(entry.entityId, state);
  }
  return states;
}

/** One service's scoring sheet: each sub-criterion with this user's and the others' answers. */
export async function evaluationSheet(
  db: Knex,
  user: User | null,
  campaignId: string,
  serviceId: string,
): Promise<EvaluationSheet> {
  const { campaign, methodology, answers } = await requireCampaign(db, user, campaignId);
  const assessed = campaign.services.find((service) => service.serviceId === serviceId);
  if (!assessed) {
    throw new DomainError('NOT_FOUND', 'The service is not assessed in this campaign', [
      { path: 'serviceId', message: 'not in the campaign' },
    ]);
  }
  const ofService = answers.filter((answer) => answer.serviceId === serviceId);
  const { byService } = effectiveAnswers(ofService);
  const values = byService.get(serviceId) ?? new Map();
  const result = serviceResult(methodology, values);
  const syncStates = await answerSyncStates(db);
  const labels = await serviceLabels(db, [serviceId]);
  const problems =
    user?.role === 'evaluator'
      ? answerProblems(methodology, campaign, user.id, {
          serviceId,
          subCriterionCode: subCriterionCodes(methodology)[0] ?? '',
          value: null,
        })
      : [{ path: 'role', message: 'Only evaluators answer the index' }];

  return {
    campaignId,
    serviceId,
    serviceName: labels.get(serviceId) ?? serviceId,
    agencyName: await agencyName(db, assessed.agencyId),
    methodology,
    items: subCriterionCodes(methodology).map((code) => {
      const given = ofService.filter((answer) => answer.subCriterionCode === code);
      const mine = given.find((answer) => answer.evaluatorId === user?.id);
      return {
        subCriterionCode: code,
        mine: mine
          ? {
              value: mine.value,
              note: mine.note,
              evidenceRef: mine.evidenceRef,
              syncState: syncStates.get(mine.id) ?? 'synced',
            }
          : null,
        others: given
          .filter((answer) => answer.evaluatorId !== user?.id)
          .map((answer) => ({
            evaluatorName: answer.evaluatorName,
            value: answer.value,
            note: answer.note,
            evidenceRef: answer.evidenceRef,
          })),
        isDisputed: values.get(code) === 'disputed',
      };
    }),
    result: {
      percent: result.percent ?? 0,
      perParameter: result.perParameter.map((parameter) => ({
        code: parameter.code,
        percent: parameter.percent ?? 0,
      })),
    },
    refusal:
      problems.length > 0
        ? new DomainError(
            user?.role === 'evaluator' ? 'VALIDATION_FAILED' : 'FORBIDDEN',
            problems[0]?.message ?? 'Cannot answer',
            problems,
          ).toBody()
        : null,
  };
}
