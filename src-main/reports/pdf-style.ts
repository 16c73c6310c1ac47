/** Font aliases registered on every report document (see reportFontPath). */
export const FONT = 'DejaVuSans';
export const FONT_BOLD = 'DejaVuSans-Bold';

/** Type sizes in points. */
export const SIZE = {
  title: 17,
  heading: 12.5,
  body: 9,
  table: 8.5,
  chart: 7,
  footer: 7,
} as const;

export const COLOR = {
  text: '#1a1a1a',
  muted: '#5c5c5c',
  rule: '#b8b8b8',
  grid: '#dddddd',
  headerFill: '#e6ebf1',
  stripeFill: '#f6f7f9',
} as const;

/** Bar colours by stars, worst to best, so a chart reads like the star column. */
export const STAR_COLORS = [
  '#c0392b',
  '#e67e22',
  '#d4ac0d',
  '#5d9c3a',
  '#1e7d4f',
] as const;

/**
 * A4 in points. The bottom margin leaves room for the two footer lines,
 * which are drawn inside it once all pages exist.
 */
export const PAGE = {
  size: 'A4',
  margins: { top: 48, bottom: 64, left: 45, right: 45 },
} as const;
