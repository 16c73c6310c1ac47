import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import type {
  EvaluationReport,
  ReportGroup,
} from '../../shared/reports/evaluation-report';
import { drawBarChart } from './pdf-bar-chart';
import { COLOR, FONT, FONT_BOLD, PAGE, SIZE } from './pdf-style';
import { drawTable } from './pdf-table';
import type { PdfColumn } from './pdf-table';
import { DIGEST_KEYWORD_PREFIX, reportDigest } from './report-digest';
import { reportFontPath } from './report-font';
import {
  dataDate,
  formatPercent,
  rankLabel,
  reportLabels,
  starsText,
} from './report-labels';
import type { ReportLabels } from './report-labels';
import type { ReportWriteOptions } from './report-write-options';
import { tieNotes } from './report-ties';

/**
 * Writes the report as an A4 PDF with DejaVu Sans embedded: a title page
 * with the summary per group, then per group its ranked table and a bar
 * chart; every page has a footer with the methodology, the data date, the
 * page number and the digest, which the document's Keywords also carry
 * ("sha256:<hex>").
 */
export async function writePdfReport(
  report: EvaluationReport,
  filePath: string,
  options: ReportWriteOptions,
): Promise<void> {
  const labels = reportLabels(options.language);
  const digest = reportDigest(report);
  const title = options.title ?? labels.title(report.year);
  const total = report.groups.length + 2;
  let done = 0;
  const step = () => options.onProgress?.((done += 1), total);

  const doc = new PDFDocument({
    size: PAGE.size,
    margins: { ...PAGE.margins },
    // Footers need the page count, known only once every page exists.
    bufferPages: true,
    lang: options.language,
    displayTitle: true,
    info: {
      Title: title,
      Subject: `SHA-256 ${digest}`,
      Keywords: DIGEST_KEYWORD_PREFIX + digest,
      Creator: 'DXER Desktop',
      Producer: 'DXER Desktop (PDFKit)',
    },
  });
  const written = pipeline(doc, fs.createWriteStream(filePath));
  try {
    doc.registerFont(FONT, reportFontPath('regular'));
    doc.registerFont(FONT_BOLD, reportFontPath('bold'));

    drawTitlePage(doc, report, title, labels, digest);
    step();
    for (const group of report.groups) {
      doc.addPage();
      drawGroup(doc, group, labels);
      step();
    }
    drawFooters(doc, report, labels, digest);
    doc.end();
    await written;
    step();
  } catch (error) {
    doc.destroy(error instanceof Error ? error : new Error(String(error)));
    // The pipeline fails with the same error, thrown below; waiting for it
    // lets the file stream close before the caller removes the file.
    await written.catch(() => undefined);
    throw error;
  }
}

function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function drawTitlePage(
  doc: PDFKit.PDFDocument,
  report: EvaluationReport,
  title: string,
  labels: ReportLabels,
  digest: string,
): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.font(FONT_BOLD).fontSize(SIZE.title).fillColor(COLOR.text);
  doc.text(title, left, doc.page.margins.top, { width });
  doc.moveDown(0.6);

  doc.font(FONT).fontSize(SIZE.body).fillColor(COLOR.muted);
  const facts = [
    `${labels.methodology}: ${report.methodology.name}, ${labels.version} ${report.methodology.version}`,
    `${labels.dataAsOf}: ${dataDate(report.dataAsOf)}`,
    `${labels.campaign}: ${report.campaignId ?? labels.noCampaign}`,
  ];
  for (const fact of facts) doc.text(fact, left, doc.y, { width });
  doc.moveDown(1.2);

  doc.font(FONT_BOLD).fontSize(SIZE.heading).fillColor(COLOR.text);
  doc.text(labels.summary, left, doc.y, { width });
  doc.moveDown(0.4);
  const columns: PdfColumn[] = [
    { header: labels.group, width: width - 220, align: 'left', valign: 'top' },
    { header: labels.agencies, width: 110, align: 'right', valign: 'lastLine' },
    { header: labels.services, width: 110, align: 'right', valign: 'lastLine' },
  ];
  const rows = report.groups.map((group) => [
    labels.groups[group.group],
    String(group.providers.length),
    String(group.providers.reduce((sum, provider) => sum + provider.serviceCount, 0)),
  ]);
  const allProviders = report.groups.flatMap((group) => group.providers);
  rows.push([
    labels.total,
    String(allProviders.length),
    String(allProviders.reduce((sum, provider) => sum + provider.serviceCount, 0)),
  ]);
  drawTable(doc, columns, rows, { boldRows: new Set([rows.length - 1]) });
  doc.moveDown(2);

  doc.font(FONT).fontSize(SIZE.body).fillColor(COLOR.muted);
  doc.text(labels.digestNote, left, doc.y, { width });
  doc.font(FONT_BOLD).fillColor(COLOR.text);
  doc.text(`SHA-256: ${digest}`, left, doc.y, { width });
}

function drawGroup(
  doc: PDFKit.PDFDocument,
  group: ReportGroup,
  labels: ReportLabels,
): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const heading = (suffix = '') => {
    doc.font(FONT_BOLD).fontSize(SIZE.heading).fillColor(COLOR.text);
    doc.text(labels.groups[group.group] + suffix, left, doc.y, { width });
    doc.moveDown(0.4);
  };
  const continued = () => heading(` ${labels.continued}`);
  heading();

  const columns: PdfColumn[] = [
    { header: labels.rank, width: 32, align: 'right', valign: 'top' },
    {
      header: labels.provider,
      width: width - 32 - 60 - 66 - 72,
      align: 'left',
      valign: 'top',
    },
    { header: labels.result, width: 60, align: 'right', valign: 'lastLine' },
    { header: labels.stars, width: 66, align: 'center', valign: 'lastLine' },
    { header: labels.services, width: 72, align: 'right', valign: 'lastLine' },
  ];
  const rows = group.providers.map((provider) => [
    rankLabel(provider),
    provider.name,
    formatPercent(provider.percent, labels),
    starsText(provider.stars),
    String(provider.serviceCount),
  ]);
  drawTable(doc, columns, rows, { onPageBreak: continued });

  const notes = tieNotes(group.providers);
  if (notes.length > 0) {
    doc.moveDown(0.5);
    doc.font(FONT).fontSize(SIZE.chart).fillColor(COLOR.muted);
    for (const note of notes) {
      doc.text(labels.tieNote(note.rank, note.names), left, doc.y, { width });
    }
  }
  doc.moveDown(1.5);

  drawBarChart(
    doc,
    group.providers.map((provider) => ({
      rank: rankLabel(provider),
      label: provider.name,
      percent: provider.percent,
      stars: provider.stars,
      valueText: formatPercent(provider.percent, labels),
    })),
    { title: labels.chart, onPageBreak: continued },
  );
}

function drawFooters(
  doc: PDFKit.PDFDocument,
  report: EvaluationReport,
  labels: ReportLabels,
  digest: string,
): void {
  const range = doc.bufferedPageRange();
  const pages = range.count;
  const source =
    `${labels.methodology}: ${report.methodology.name}, ${labels.version} ` +
    `${report.methodology.version} · ${labels.dataAsOf}: ${dataDate(report.dataAsOf)}`;
  for (let index = range.start; index < range.start + pages; index += 1) {
    doc.switchToPage(index);
    const { left, right, bottom } = doc.page.margins;
    const width = doc.page.width - left - right;
    const top = doc.page.height - bottom + 14;
    // Text below the bottom margin makes PDFKit start a new page, so the
    // margin is lifted while the footer is drawn inside it.
    doc.page.margins.bottom = 0;
    doc
      .moveTo(left, top - 5)
      .lineTo(left + width, top - 5)
      .lineWidth(0.5)
      .strokeColor(COLOR.rule)
      .stroke();
    doc.font(FONT).fontSize(SIZE.footer).fillColor(COLOR.muted);
    doc.text(source, left, top, { width: width - 90, lineBreak: false, ellipsis: true });
    doc.text(labels.page(index - range.start + 1, pages), left + width - 90, top, {
      width: 90,
      align: 'right',
      lineBreak: false,
    });
    doc.text(`SHA-256: ${digest}`, left, top + 11, { width, lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
