/**
 * Chart colours from the Okabe–Ito palette (distinguishable with the common colour-vision
 * deficiencies), the darker members only: each has at least 3:1 contrast on white, as
 * WCAG asks of graphical objects. Legends and tables carry the meaning too, never colour alone.
 */
export const CHART_COLOURS = {
  blue: '#0072B2',
  vermillion: '#D55E00',
  grey: '#4F5560',
  purple: '#8E4585',
} as const;
