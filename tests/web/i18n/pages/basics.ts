/** Pages of the layout, datasets, upload, GPUs per job and errors: [url, expected status]. */
export const PAGES: [string, number][] = [
  ['/', 200],
  ['/datasets/new', 200],
  ['/datasets/1', 200],
  ['/datasets/2', 200],
  ['/datasets/3', 200],
  ['/gpus-per-job', 200],
  ['/gpus-per-job?basis=buy', 200],
  ['/gpus-per-job?paramsB=abc', 400],
  ['/no-such-page', 404],
  ['/datasets/999', 404],
  ['/scenarios/999/edit', 404],
  ['/datasets/1/compare?scenarios=abc', 422],
];
