import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { evaluationReportSchema } from '../../shared/reports/evaluation-report';
import type { EvaluationReport } from '../../shared/reports/evaluation-report';
import { canonicalJson, reportDigest } from '../../src-main/reports/report-digest';
import { testReport } from './support/report-fixture';

describe('the report digest', () => {
  it('is the SHA-256 of the canonical JSON, 64 lowercase hex digits', () => {
    const report = testReport();
    const expected = createHash('sha256').update(canonicalJson(report)).digest('hex');

    expect(reportDigest(report)).toBe(expected);
    expect(reportDigest(report)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is the same for the same data, whatever order its keys were written in', () => {
    const report = testReport();
    const viaJson = evaluationReportSchema.parse(JSON.parse(JSON.stringify(report)));
    const shuffled = evaluationReportSchema.parse({
      groups: report.groups.map((group) => ({
        providers: group.providers.map((provider) =>
          Object.fromEntries(Object.entries(provider).reverse()),
        ),
        group: group.group,
      })),
      dataAsOf: report.dataAsOf,
      methodology: {
        name: report.methodology.name,
        version: 3,
        id: report.methodology.id,
      },
      campaignId: report.campaignId,
      year: report.year,
    });

    expect(reportDigest(viaJson)).toBe(reportDigest(report));
    expect(reportDigest(shuffled)).toBe(reportDigest(report));
    expect(reportDigest(testReport())).toBe(reportDigest(report));
  });

  it('changes when one percentage changes by a hundredth', () => {
    const report = testReport();
    const changed = structuredClone(report);
    const provider = changed.groups[0]?.providers[15];
    if (!provider) throw new Error('the fixture has 23 central providers');
    provider.percent = 21.98;

    expect(reportDigest(changed)).not.toBe(reportDigest(report));
  });

  it('changes with a name, a rank order, the methodology version or the data date', () => {
    const base = reportDigest(testReport());
    const variants: Array<(report: EvaluationReport) => void> = [
      (report) => {
        const provider = report.groups[1]?.providers[0];
        if (provider) provider.name = provider.name.replace('İ', 'I');
      },
      (report) => report.groups[0]?.providers.reverse(),
      (report) => (report.methodology.version = 4),
      (report) => (report.dataAsOf = '2024-03-01T16:30:00+04:00'),
    ];
    const digests = variants.map((change) => {
      const report = testReport();
      change(report);
      return reportDigest(report);
    });

    for (const digest of digests) expect(digest).not.toBe(base);
    expect(new Set(digests).size).toBe(digests.length);
  });

  it('sorts keys at every level and keeps arrays in order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'ə' } })).toBe(
      '{"a":{"c":"ə","d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });
});
