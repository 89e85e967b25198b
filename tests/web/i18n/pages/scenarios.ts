/**
 * Scenarios and compare pages: [url, expected status]. Dataset 1 is the hyperscalers (USD),
 * dataset 3 the Korean companies (KRW); a fresh app has no saved scenario, so the edit form
 * is walked by its 404 (the form itself is the list page's, walked here with its results).
 */
export const PAGES: [string, number][] = [
  ['/scenarios', 200],
  ['/scenarios?dataset=3', 200],
  ['/scenarios/999/edit', 404],
  ['/datasets/1/compare', 200],
  ['/datasets/3/compare', 200],
  ['/datasets/3/compare?scenarios=base,bear', 200],
  ['/datasets/1/compare?scenarios=base,nope', 422],
  ['/datasets/2/compare', 404],
];
