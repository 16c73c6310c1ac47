import type { ReportLanguage } from './report-labels';

/** How a PDF or XLSX report is written: its language, an optional title, and progress. */
export interface ReportWriteOptions {
  language: ReportLanguage;
  /** Replaces the default title ("ASAN xidmət indeksi — 2023-cü ilin nəticələri"). */
  title?: string;
  /** Called after each step of the writer with the steps done and the total. */
  onProgress?: (done: number, total: number) => void;
}
