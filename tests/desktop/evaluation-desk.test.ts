import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DesktopApp } from '../../src-main/app/desktop-app';
import { verifyReport } from '../../src-main/reports/verify-report';
import {
  bundledEvaluationDemo,
  DEMO_CAMPAIGN_ID,
} from '../../src-server/seed/evaluation-demo';
import { startServer } from '../../src-server/server';
import type { RunningServer } from '../../src-server/server';
import { openDesktop, signIn, tempDir } from './support/desktop-fixture';

let sqliteFile: string;
let server: RunningServer;
let evaluator: DesktopApp;
let evaluatorDir: string;

async function startEvaluationServer(port = 0): Promise<RunningServer> {
  return startServer({
    port,
    sqliteFile,
    seedDemo: true,
    evaluationDemo: bundledEvaluationDemo(),
    logLevel: 'silent',
  });
}

beforeAll(async () => {
  sqliteFile = path.join(tempDir('dxer-eval-server'), 'server.sqlite');
  server = await startEvaluationServer();
  evaluatorDir = tempDir('dxer-eval-desk');
  evaluator = await openDesktop(evaluatorDir, server.url);
  await signIn(evaluator, 'evaluator');
});
afterAll(async () => {
  await evaluator.stop();
  await server.close();
});

async function firstSheet(app: DesktopApp) {
  const detail = await app.handlers['evaluation.campaign']({
    campaignId: DEMO_CAMPAIGN_ID,
  });
  const serviceId = detail.services[0]?.serviceId;
  if (!serviceId) throw new Error('the demo campaign has no services');
  return app.handlers['evaluation.sheet']({ campaignId: DEMO_CAMPAIGN_ID, serviceId });
}

describe('the evaluation desk', () => {
  let code = '';
  let serviceId = '';

  it('lists the demo campaign with the evaluator’s progress and opens a sheet of every sub-criterion', async () => {
    const campaigns = await evaluator.handlers['evaluation.campaigns']({});
    const campaign = campaigns.find((c) => c.id === DEMO_CAMPAIGN_ID);
    expect(campaign).toMatchObject({ year: 2023, status: 'open' });
    expect(campaign?.myProgress).toEqual({
      answered: 0,
      total: campaign?.progress.total,
    });

    const sheet = await firstSheet(evaluator);
    expect(sheet.refusal).toBeNull();
    expect(sheet.items.length).toBeGreaterThanOrEqual(7);
    expect(sheet.result.percent).toBe(0);
    serviceId = sheet.serviceId;
    code = sheet.items[0]?.subCriterionCode ?? '';
  });

  it('keeps an answer given while the server is down across a restart, then sends it once and retires the local copy', async () => {
    const port = server.port;
    await server.close();
    const sheet = await evaluator.handlers['evaluation.saveAnswer']({
      campaignId: DEMO_CAMPAIGN_ID,
      serviceId,
      subCriterionCode: code,
      value: { kind: 'yesNo', value: true },
      note: 'Sənədlərin siyahısı saytda var.',
      evidenceRef: 'https://example.az/senedler',
    });
    expect(sheet.items[0]?.mine).toMatchObject({
      value: { kind: 'yesNo', value: true },
      syncState: 'pending',
    });
    expect(sheet.result.percent).toBeGreaterThan(0);

    await evaluator.stop();
    evaluator = await openDesktop(evaluatorDir, server.url);
    expect((await firstSheet(evaluator)).items[0]?.mine?.syncState).toBe('pending');

    server = await startEvaluationServer(port);
    const status = await evaluator.handlers['sync.now']({});
    expect(status.pendingCount).toBe(0);
    const synced = await firstSheet(evaluator);
    expect(synced.items[0]?.mine).toMatchObject({
      value: { kind: 'yesNo', value: true },
      note: 'Sənədlərin siyahısı saytda var.',
      syncState: 'synced',
    });
    const stored = await server
      .db('evaluation_answers')
      .where({ sub_criterion_code: code });
    expect(stored).toHaveLength(1);
  });

  it('sends an answer changed again after a failed send as two steps of one desktop, not as a conflict with itself', async () => {
    const second = (await firstSheet(evaluator)).items[1]?.subCriterionCode ?? '';
    const port = server.port;
    await server.close();
    const save = (note: string) =>
      evaluator.handlers['evaluation.saveAnswer']({
        campaignId: DEMO_CAMPAIGN_ID,
        serviceId,
        subCriterionCode: second,
        value: { kind: 'yesNo', value: true },
        note,
        evidenceRef: '',
      });
    await save('Birinci qeyd.');
    // The send is tried and fails: that entry may have reached the server,
    // so the next edit cannot fold into it and goes as an entry of its own.
    expect((await evaluator.handlers['sync.now']({})).connection.kind).toBe('offline');
    await save('İkinci qeyd.');
    const outbox = await evaluator.handlers['outbox.list']({});
    expect(outbox.filter((entry) => entry.name === 'evaluation.answer')).toHaveLength(2);

    server = await startEvaluationServer(port);
    const status = await evaluator.handlers['sync.now']({});
    expect(status).toMatchObject({ pendingCount: 0, conflictCount: 0 });
    const [stored] = await server
      .db('evaluation_answers')
      .where({ sub_criterion_code: second })
      .select<Array<{ doc: string; revision: unknown }>>('doc', 'revision');
    expect(JSON.parse(stored?.doc ?? '{}')).toMatchObject({
      note: 'İkinci qeyd.',
      revision: 2,
    });
    const synced = (await firstSheet(evaluator)).items[1]?.mine;
    expect(synced).toMatchObject({ note: 'İkinci qeyd.', syncState: 'synced' });
  });

  it('refuses an answer off the sub-criterion’s scale on the desktop, naming the value', async () => {
    await expect(
      evaluator.handlers['evaluation.saveAnswer']({
        campaignId: DEMO_CAMPAIGN_ID,
        serviceId,
        subCriterionCode: code,
        value: { kind: 'percent', value: 50 },
        note: '',
        evidenceRef: '',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('turns an answer changed on two desktops of the same evaluator into a conflict that answering again settles', async () => {
    const laptop = await openDesktop(tempDir('dxer-eval-laptop'), server.url);
    try {
      await signIn(laptop, 'evaluator');
      await evaluator.handlers['evaluation.saveAnswer']({
        campaignId: DEMO_CAMPAIGN_ID,
        serviceId,
        subCriterionCode: code,
        value: { kind: 'yesNo', value: false },
        note: 'Masaüstündən: siyahı natamamdır.',
        evidenceRef: '',
      });
      await evaluator.handlers['sync.now']({});

      // The laptop has not pulled the desk's change: its base is stale.
      await laptop.handlers['evaluation.saveAnswer']({
        campaignId: DEMO_CAMPAIGN_ID,
        serviceId,
        subCriterionCode: code,
        value: { kind: 'notApplicable' },
        note: 'Noutbukdan.',
        evidenceRef: '',
      });
      const status = await laptop.handlers['sync.now']({});
      expect(status.conflictCount).toBe(1);
      const conflicted = await firstSheet(laptop);
      expect(conflicted.items[0]?.mine?.syncState).toBe('conflict');

      await laptop.handlers['evaluation.saveAnswer']({
        campaignId: DEMO_CAMPAIGN_ID,
        serviceId,
        subCriterionCode: code,
        value: { kind: 'notApplicable' },
        note: 'Noutbukdan, masaüstünün cavabını gördükdən sonra.',
        evidenceRef: '',
      });
      const settled = await laptop.handlers['sync.now']({});
      expect(settled.conflictCount).toBe(0);
      expect(settled.pendingCount).toBe(0);
      await evaluator.handlers['sync.now']({});
      expect((await firstSheet(evaluator)).items[0]?.mine?.value).toEqual({
        kind: 'notApplicable',
      });
    } finally {
      await laptop.stop();
    }
  });

  it('shows a second evaluator’s different answer on the same item to both, as disputed, and overwrites neither', async () => {
    const call = async <T>(
      method: string,
      url: string,
      body: unknown,
      token?: string,
    ) => {
      const response = await fetch(new URL(url, server.url), {
        method,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
      expect(response.ok, `${method} ${url}`).toBe(true);
      return (await response.json()) as T;
    };
    const { token } = await call<{ token: string }>('POST', '/api/v1/auth/login', {
      username: 'admin',
      password: 'admin-demo',
    });
    const { user } = await call<{ user: { id: string } }>(
      'POST',
      '/api/v1/admin/users',
      {
        username: 'evaluator.two',
        displayName: 'İkinci Qiymətləndirici',
        password: 'evaluator.two-demo',
        role: 'evaluator',
      },
      token,
    );
    const row = await server
      .db('campaigns')
      .where({ id: DEMO_CAMPAIGN_ID })
      .first<{ year: number; methodology_id: string; body: string }>();
    const body = JSON.parse(row.body) as {
      name: unknown;
      providers: unknown;
      services: unknown;
      evaluatorIds: string[];
    };
    await call(
      'PUT',
      `/api/v1/admin/campaigns/${DEMO_CAMPAIGN_ID}`,
      {
        year: Number(row.year),
        methodologyId: row.methodology_id,
        name: body.name,
        providers: body.providers,
        services: body.services,
        evaluatorIds: [...body.evaluatorIds, user.id],
      },
      token,
    );

    const second = await openDesktop(tempDir('dxer-eval-second'), server.url);
    try {
      await signIn(second, 'evaluator.two');
      await second.handlers['evaluation.saveAnswer']({
        campaignId: DEMO_CAMPAIGN_ID,
        serviceId,
        subCriterionCode: code,
        value: { kind: 'yesNo', value: true },
        note: 'İkinci baxış: sənədlər saytdadır.',
        evidenceRef: '',
      });
      await second.handlers['sync.now']({});
      await evaluator.handlers['sync.now']({});

      const mine = (await firstSheet(evaluator)).items[0];
      expect(mine?.mine?.value).toEqual({ kind: 'notApplicable' });
      expect(mine?.others).toEqual([
        expect.objectContaining({
          evaluatorName: 'İkinci Qiymətləndirici',
          value: { kind: 'yesNo', value: true },
        }),
      ]);
      expect(mine?.isDisputed).toBe(true);
      const theirs = (await firstSheet(second)).items[0];
      expect(theirs?.mine?.value).toEqual({ kind: 'yesNo', value: true });
      expect(theirs?.others.map((other) => other.value)).toEqual([
        { kind: 'notApplicable' },
      ]);
      expect(theirs?.isDisputed).toBe(true);
    } finally {
      await second.stop();
    }
  });

  it('gives an auditor the published 2023 results and exports them, asking before replacing a file, with a digest the file carries', async () => {
    const auditor = await openDesktop(tempDir('dxer-eval-auditor'), server.url);
    try {
      await signIn(auditor, 'auditor');
      const sources = await auditor.handlers['results.sources']({});
      expect(sources.publishedYears).toContain(2023);
      const view = await auditor.handlers['results.view']({
        source: { kind: 'published', year: 2023 },
      });
      const central = view.report.groups.find((g) => g.group === 'centralExecutive');
      expect(central?.providers).toHaveLength(23);
      expect(central?.providers[0]).toMatchObject({ rank: 1, percent: 92.38, stars: 5 });

      const agencyId = central?.providers[0]?.agencyId ?? '';
      const trend = await auditor.handlers['results.trend']({ agencyId });
      expect(trend.map((point) => point.year)).toEqual([
        2018, 2020, 2021, 2022, 2023, 2024,
      ]);

      // A file the renderer names that no save dialog returned is refused:
      // a page could otherwise write anywhere main can.
      const elsewhere = path.join(tempDir('dxer-eval-export'), 'profile.xlsx');
      const source = { kind: 'published' as const, year: 2023 };
      await expect(
        auditor.handlers['reports.export']({
          source,
          format: 'xlsx',
          filePath: elsewhere,
          overwrite: true,
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(fs.existsSync(elsewhere)).toBe(false);

      const saved = await auditor.handlers['reports.export']({
        source,
        format: 'xlsx',
        overwrite: false,
      });
      expect(saved).toMatchObject({ kind: 'saved', digest: view.digest });
      const filePath = saved.kind === 'saved' ? saved.filePath : '';
      expect((await verifyReport(filePath, view.report)).ok).toBe(true);

      const again = await auditor.handlers['reports.export']({
        source,
        format: 'xlsx',
        filePath,
        overwrite: false,
      });
      expect(again).toEqual({ kind: 'exists', filePath });
      const replaced = await auditor.handlers['reports.export']({
        source,
        format: 'xlsx',
        filePath,
        overwrite: true,
      });
      expect(replaced.kind).toBe('saved');
      // The report and the data it was computed from, nothing half-written.
      expect(fs.readdirSync(path.dirname(filePath)).sort()).toEqual([
        path.basename(filePath),
        `${path.basename(filePath)}.json`,
      ]);
      const verdict = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          'src-main/reports/verify-report-main.ts',
          filePath,
          `${filePath}.json`,
        ],
        { encoding: 'utf8' },
      );
      expect(verdict.status).toBe(0);
      expect(verdict.stdout).toContain(view.digest);

      const campaignView = await auditor.handlers['results.view']({
        source: { kind: 'campaign', campaignId: DEMO_CAMPAIGN_ID },
      });
      expect(campaignView.parameters).toHaveLength(7);
      expect(campaignView.report.campaignId).toBe(DEMO_CAMPAIGN_ID);
    } finally {
      await auditor.stop();
    }
  });
});
