// CSV cells that a spreadsheet opens as data, never as a formula (CSV injection, OWASP): a number
// stays a number; a text cell that is not a number and starts with =, +, -, @, a tab or a carriage
// return (what Excel, LibreOffice and Sheets read as the start of a formula) gets a single quote in
// front, which spreadsheets show as text; then a cell holding a comma, a double quote or a line
// break is quoted as RFC 4180 says (the quotes inside doubled). Nothing else is changed, so a
// tool reading the CSV gets the text back by dropping that one leading quote.

/** A cell's value: numbers as numbers (non-finite and null/undefined: an empty cell). */
export type CsvValue = string | number | null | undefined;

/** A decimal number as a text cell may hold it ('-1.5', '2e-3'): left as it is. */
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
/** What a spreadsheet takes as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, escaped (the header's rules). */
export function csvCell(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const text = !NUMBER.test(v) && FORMULA_START.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line of cells, without its line break. */
export function csvLine(cells: readonly CsvValue[]): string {
  return cells.map(csvCell).join(',');
}
