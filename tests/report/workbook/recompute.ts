import ExcelJS from 'exceljs';
import { HyperFormula } from 'hyperformula';

/** A cell of a recomputed workbook: its value as the spreadsheet engine computed it. */
export type Recomputed = { value: (sheet: string, address: string) => unknown; hf: HyperFormula; sheets: Record<string, (string | number | null)[][]> };

/** Excel's date serial of a JS Date (UTC midnight), as a date cell holds it. */
function serial(d: Date): number {
  return d.getTime() / 86_400_000 + 25_569;
}

/**
 * Loads .xlsx bytes and recomputes every formula with HyperFormula (a spreadsheet engine with
 * Excel's XNPV and XIRR), never reading a cached result: each formula cell enters the engine as
 * its formula text, each other cell as its raw content.
 */
export async function recompute(bytes: Buffer): Promise<Recomputed> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets: Record<string, (string | number | null)[][]> = {};
  wb.eachSheet((ws) => {
    const grid: (string | number | null)[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const line = (grid[r - 1] ??= []);
        const v = cell.value;
        let content: string | number | null = null;
        if (v && typeof v === 'object' && 'formula' in v) content = `=${(v as { formula: string }).formula}`;
        else if (v instanceof Date) content = serial(v);
        else if (typeof v === 'number' || typeof v === 'string') content = v;
        line[c - 1] = content;
      });
    });
    for (let i = 0; i < grid.length; i++) grid[i] = Array.from(grid[i] ?? [], (x) => (x === undefined ? null : x));
    sheets[ws.name] = grid;
  });
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3', smartRounding: false });
  const value = (sheet: string, address: string): unknown => {
    const id = hf.getSheetId(sheet);
    if (id === undefined) throw new Error(`no sheet ${sheet}`);
    const addr = hf.simpleCellAddressFromString(address, id);
    if (!addr) throw new Error(`bad address ${address}`);
    return hf.getCellValue(addr);
  };
  return { value, hf, sheets };
}
