/**
 * The plain table model every report uses: one definition renders the HTML table, the CSV twin and
 * the JSON twin, so the three always hold the same numbers.
 */

/**
 * How a cell is shown to people; CSV and JSON always carry the raw number. `ratio` is a number
 * shown with up to 4 decimals (small figures such as people per GPU); `year` a calendar or fiscal
 * year without thousands separators; `share` a fraction as a percentage with two significant
 * digits however small (0.0106%, never 0.0%); `scientific` a physical quantity spanning many
 * orders of magnitude (FLOP, FLOP/s) in powers of ten: 3.12e14.
 */
export type ColumnFormat = 'money' | 'percent' | 'share' | 'multiple' | 'number' | 'scientific' | 'ratio' | 'years' | 'year' | 'integer' | 'text';

export interface Column {
  /** Stable machine name with its unit (`capex_usd`, `irr_fraction`): the CSV header and JSON key. */
  key: string;
  /** Header shown to people. */
  label: string;
  format: ColumnFormat;
}

export type Cell = string | number | null;

export interface ReportTable {
  /** Stable name, used in `?table=name` for its CSV. */
  name: string;
  title: string;
  columns: Column[];
  rows: Cell[][];
  /** One-line reading note shown under the table. */
  note?: string;
}

/** A table as an array of objects keyed by column key (the JSON twin's shape). */
export function tableRecords(table: ReportTable): Record<string, Cell>[] {
  return table.rows.map((row) => {
    const rec: Record<string, Cell> = {};
    table.columns.forEach((c, i) => {
      rec[c.key] = row[i] ?? null;
    });
    return rec;
  });
}

/** The table as the CSV writer's input: column keys and raw rows. */
export function tableForCsv(table: ReportTable): { columns: string[]; rows: Cell[][] } {
  return { columns: table.columns.map((c) => c.key), rows: table.rows };
}
