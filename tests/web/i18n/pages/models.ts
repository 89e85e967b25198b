/** Pages of the model economics report (dataset 2 is the built-in "AI model training costs"): [url, expected status]. */
export const PAGES: [string, number][] = [
  ['/datasets/2/report', 200],
  ['/datasets/2/report?lens=3', 200],
  ['/datasets/2/report?lens=1&year=2024&lensModel=DeepSeek-V3&label=GPT-4', 200],
  ['/datasets/2/report?fromYear=2016&topN=3', 200],
  // Too few models in the range for a trend, and a fit that explains little.
  ['/datasets/2/report?fromYear=2024&toYear=2024', 200],
  ['/datasets/2/report?fromYear=2023&toYear=2024', 200],
  ['/datasets/2/report?infGpu=H100&tps=2000&util=0.7&cpi=1.0295', 200],
  ['/datasets/2/report?mfu=40&toYear=abc&lens=99&infGpu=K80', 400],
];
