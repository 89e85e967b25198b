/**
 * The company report pages: [url, expected status]. The hyperscalers (1), the Korean companies in
 * won (3), a saved scenario's report, a bad assumption (422: the report page with its form and the
 * problems), and the report with the won written short.
 */
export const PAGES: [string, number][] = [
  ['/datasets/1/report', 200],
  ['/datasets/3/report', 200],
  ['/datasets/1/report?scenario=1', 200],
  ['/datasets/3/report?won=short&includeGuidance=false&capacityAfterData=sustain&terminalMethod=value-driver', 200],
  ['/datasets/1/report?wacc=abc', 422],
];
