/** Pages of the industry report (datasets 1 and 3 are the built-in company datasets): [url, expected status]. */
export const PAGES: [string, number][] = [
  ['/reports/industry', 200],
  ['/reports/industry?dataset=1', 200],
  ['/reports/industry?dataset=1&year=2026', 200],
  ['/reports/industry?dataset=1&year=2025&includeGuidance=false', 200],
  ['/reports/industry?dataset=3', 200],
  ['/reports/industry?acceleratorSpend=50e9&aiRevenue=75e9', 200],
  // AI revenue already above the requirement, and growth that never closes the gap.
  ['/reports/industry?aiRevenue=900e9', 200],
  ['/reports/industry?aiRevenueGrowth=0', 200],
  ['/reports/industry?acceleratorShare=0&grossMargin=abc&includeGuidance=maybe&dataset=1', 422],
  ['/reports/industry?dataset=999', 422],
];
