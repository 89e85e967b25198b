/**
 * Quarterly company rows → yearly rows: flows (capex, revenue, income, depreciation) are summed
 * over the quarters present, stocks (share price, shares, market cap, net debt, GPUs) take the
 * last quarter, and the AI share of capex is weighted by each quarter's capex. Each yearly row
 * carries `quarters`, the number of quarters summed (1-4): fewer than 4 is a partial year.
 */
import type { Row } from '../store/types';
import type { ColumnSpec } from './headers';

interface Group {
  company: string;
  year: number;
  basis: string;
  line: number;
  quarters: Map<number, Row>;
}

export class QuarterRollUp {
  private readonly groups = new Map<string, Group>();
  /** Quarterly rows read so far. */
  quarterRows = 0;

  constructor(private readonly specs: readonly ColumnSpec[]) {}

  add(row: Row, company: string, year: number, quarter: number, basis: string, line: number): void {
    const key = `${company}\u0001${year}\u0001\u0001${basis}`;
    let g = this.groups.get(key);
    if (!g) {
      g = { company, year, basis, line, quarters: new Map() };
      this.groups.set(key, g);
    }
    g.quarters.set(quarter, row);
    this.quarterRows++;
  }

  /** Yearly rows in order of first appearance, with the line of their first quarter. */
  *years(): Generator<{ row: Row; line: number }> {
    for (const g of this.groups.values()) yield { row: this.combine(g), line: g.line };
  }

  private combine(g: Group): Row {
    const quarters = [...g.quarters.keys()].sort((a, b) => a - b).map((q) => g.quarters.get(q) as Row);
    const last = quarters[quarters.length - 1] as Row;
    const out: Row = {};
    for (const key of Object.keys(last)) {
      const spec = this.specs.find((s) => s.key === key);
      const rollUp = spec?.def?.rollUp ?? 'last';
      if (key === 'fiscal_year') out[key] = g.year;
      else if (rollUp === 'sum') out[key] = sum(quarters.map((r) => r[key]));
      else if (rollUp === 'weighted') out[key] = weighted(quarters, key);
      else out[key] = lastPresent(quarters, key);
    }
    out.quarters = g.quarters.size;
    return out;
  }

  /** The warning that tells the user what happened. */
  summary(): string {
    return `${this.quarterRows} quarterly rows were rolled up into ${this.groups.size} yearly rows: capex, revenue, AI revenue, operating income, net income and depreciation are summed over the quarters; share price, shares outstanding, market cap, net debt, GPUs and power are taken from the last quarter; the AI share of capex is weighted by capex.`;
  }

  /** Yearly rows the quarters were rolled up into. */
  get yearCount(): number {
    return this.groups.size;
  }

  /**
   * The warning naming each partial year (fewer than four quarters) by company and year, or null;
   * with the first five as `items` ("Acme 2025 (Q1, Q2)") and how many `more`, for other languages.
   */
  partialYears(): { text: string; items: string; more: number } | null {
    const partial: { name: string; quarters: string }[] = [];
    for (const g of this.groups.values()) {
      if (g.quarters.size < 4) {
        const qs = [...g.quarters.keys()].sort((a, b) => a - b).map((q) => `Q${q}`);
        partial.push({ name: `${g.company} ${g.year}`, quarters: qs.join(', ') });
      }
    }
    if (partial.length === 0) return null;
    const first = partial.slice(0, 5);
    const shown = first.map((p) => `${p.name} (${p.quarters} only)`).join('; ');
    const more = Math.max(0, partial.length - 5);
    const one = partial.length === 1;
    const text = `Partial year${one ? '' : 's'}: ${shown}${more ? ` and ${more} more` : ''}. ${one ? 'It sums' : 'They sum'} only the quarters present, so ${one ? 'it is' : 'they are'} marked partial and ${one ? 'is' : 'are'} not comparable with full years.`;
    return { text, items: first.map((p) => `${p.name} (${p.quarters})`).join('; '), more };
  }
}

function sum(values: readonly (string | number | null | undefined)[]): number | null {
  let total: number | null = null;
  for (const v of values) if (typeof v === 'number') total = (total ?? 0) + v;
  return total === null ? null : Number(total.toPrecision(15));
}

function lastPresent(rows: readonly Row[], key: string): string | number | null {
  for (let i = rows.length - 1; i >= 0; i--) {
    const v = rows[i]?.[key];
    if (v !== null && v !== undefined) return v;
  }
  return null;
}

function weighted(rows: readonly Row[], key: string): number | null {
  let num = 0;
  let den = 0;
  for (const r of rows) {
    const share = r[key];
    const capex = r.capex;
    if (typeof share === 'number' && typeof capex === 'number') {
      num += share * capex;
      den += capex;
    }
  }
  if (den !== 0) return num / den;
  const v = lastPresent(rows, key);
  return typeof v === 'number' ? v : null;
}
