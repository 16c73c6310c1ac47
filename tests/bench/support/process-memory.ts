// Memory of another process on Linux, read from /proc/<pid>/status.
import fs from 'node:fs';

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match?.[1]) throw new Error(`${field} missing from /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}

/** Resident set size now, in MB. */
export function rssMb(pid: number): number {
  return statusField(pid, 'VmRSS');
}

/** Peak resident set size since start or since the last `resetPeak`, in MB. */
export function peakRssMb(pid: number): number {
  return statusField(pid, 'VmHWM');
}

/** Resets the kernel's peak RSS mark of the process to its current RSS. */
export function resetPeak(pid: number): void {
  fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/**
 * Samples RSS every `everyMs` until stopped; returns the largest sample.
 * A backup for kernels where clear_refs is not writable.
 */
export function sampleRss(pid: number, everyMs = 20): () => number {
  let peak = rssMb(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMb(pid));
  }, everyMs);
  return () => {
    clearInterval(timer);
    return Math.max(peak, rssMb(pid));
  };
}
