// Exports the 2023 report and kills itself with SIGKILL at the writer's
// last step: the temp file is complete, the move into place not yet done,
// the latest moment a crash can end an export.
import { reportFormats } from '../../../src-main/reports/report-format';
import { exportReport } from '../../../src-main/reports/export-file';
import { presentationReport2023 } from './report-fixture';

const [format, filePath, overwrite] = process.argv.slice(2);
const known = reportFormats.find((candidate) => candidate === format);
if (!known || !filePath) throw new Error('usage: pdf|xlsx|csv filePath [overwrite]');

await exportReport({
  report: presentationReport2023(),
  format: known,
  filePath,
  overwrite: overwrite === 'overwrite',
  onProgress: (done, total) => {
    if (done === total - 1) process.kill(process.pid, 'SIGKILL');
  },
});
