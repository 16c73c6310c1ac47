import type { ProcessingTime } from '../domain/service-record';

/**
 * A processing time as an xsd:duration, or null when none is given. Working
 * days become days (the duration cannot say "working"; the note keeps it).
 * Only the seconds of an xsd:duration may have a fraction, so fractional
 * values are carried down into the smaller units.
 */
export function toXsdDuration(time: ProcessingTime): string | null {
  if (time.value === null) return null;
  switch (time.unit) {
    case 'minutes':
      return timePart(time.value * 60);
    case 'hours':
      return timePart(time.value * 3600);
    case 'workingDays':
    case 'calendarDays': {
      const days = Math.floor(time.value);
      const rest = (time.value - days) * 86_400;
      if (rest === 0) return `P${days}D`;
      return `P${days > 0 ? `${days}D` : ''}${timePart(rest).slice(1)}`;
    }
  }
}

function timePart(totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds - hours * 3600) / 60);
  const seconds = Math.round((totalSeconds - hours * 3600 - minutes * 60) * 1000) / 1000;
  const parts = [
    hours > 0 ? `${hours}H` : '',
    minutes > 0 ? `${minutes}M` : '',
    seconds > 0 ? `${seconds}S` : '',
  ].join('');
  return `PT${parts === '' ? '0S' : parts}`;
}
