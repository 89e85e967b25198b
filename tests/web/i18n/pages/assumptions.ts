/**
 * Pages whose assumptions form (labels, help, sources, choices, buttons) is written by
 * assumptions.ts and form.ts: [url, expected status]. The company report's own pages, where the
 * same form sits, are in company.ts.
 */
export const PAGES: [string, number][] = [
  ['/scenarios', 200],
];
