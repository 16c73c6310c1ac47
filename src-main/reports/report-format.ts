/** The file formats a report is exported in. */
export const reportFormats = ['pdf', 'xlsx', 'csv'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/**
 * The format of a report file by its first bytes, not its name: "%PDF-", a
 * ZIP archive (an .xlsx is one), or else text, taken as CSV.
 */
export function detectReportFormat(head: Uint8Array): ReportFormat {
  const text = Buffer.from(head.subarray(0, 5)).toString('latin1');
  if (text === '%PDF-') return 'pdf';
  if (text.startsWith('PK\u0003\u0004')) return 'xlsx';
  return 'csv';
}
