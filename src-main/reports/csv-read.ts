import { CSV_DIGEST_PREFIX } from './csv-report';

/** A report CSV read back: its header, its records, and the digest line's value. */
export interface ParsedReportCsv {
  header: string[];
  rows: string[][];
  /** The hex after "# sha256=", or null when the file has no digest line. */
  digest: string | null;
}

/**
 * Parses a report CSV by RFC 4180 (quoted fields may hold commas, quotes
 * and line breaks), dropping the BOM. A record is the digest line only when
 * it starts, unquoted, with "# sha256=": a provider name holding that text
 * is inside quotes and stays a name.
 */
export function parseReportCsv(text: string): ParsedReportCsv {
  const records = parseCsvRecords(text.startsWith('\uFEFF') ? text.slice(1) : text);
  let digest: string | null = null;
  const data: string[][] = [];
  for (const record of records) {
    if (record.isComment) {
      const value = record.fields.join(',');
      if (value.startsWith(CSV_DIGEST_PREFIX)) {
        digest = value.slice(CSV_DIGEST_PREFIX.length).trim();
      }
      continue;
    }
    data.push(record.fields);
  }
  return { header: data[0] ?? [], rows: data.slice(1), digest };
}

interface CsvRecord {
  fields: string[];
  /** The record began with an unquoted "#". */
  isComment: boolean;
}

function parseCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let isQuoted = false;
  let wasQuoted = false;
  let isAtRecordStart = true;
  let isComment = false;

  const endField = () => {
    fields.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    // A blank line (one empty, unquoted field) is no record.
    if (fields.length > 1 || fields[0] !== '' || isComment) {
      records.push({ fields, isComment });
    }
    fields = [];
    isAtRecordStart = true;
    isComment = false;
  };

  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (isQuoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') {
        isQuoted = false;
      } else {
        field += char;
      }
      continue;
    }
    if (isAtRecordStart) {
      isAtRecordStart = false;
      isComment = char === '#';
    }
    if (char === '"' && field === '' && !wasQuoted) {
      isQuoted = true;
      wasQuoted = true;
    } else if (char === ',') {
      endField();
    } else if (char === '\r' && text[index + 1] === '\n') {
      endRecord();
      index += 1;
    } else if (char === '\n') {
      endRecord();
    } else {
      field += char;
    }
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}
