/**
 * CSV rows with the line each starts on, for error messages, read by `csv-parse` (RFC 4180:
 * quoted fields may hold commas, doubled quotes and line breaks). A stray quote inside an
 * unquoted field is kept as written, rows may have fewer or more fields than the header, and
 * rows of blank fields are left out, as a spreadsheet's export has them.
 * @see https://www.rfc-editor.org/rfc/rfc4180
 * @see https://csv.js.org/parse/options/
 */
import { CsvError, parse } from 'csv-parse/sync';

export interface CsvRow {
  line: number;
  fields: string[];
}

const QUOTE_PROBLEMS: Partial<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field starts on this line and is never closed',
  CSV_INVALID_CLOSING_QUOTE: 'text follows the closing quote of a field',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'text follows the closing quote of a field',
};

const LINE_BREAK = /\r\n|\r|\n/g;

/** A file that is not CSV: the line it breaks on and what is wrong, never the text itself. */
export class CsvSyntaxError extends Error {
  override name = 'CsvSyntaxError';
  readonly line: number;
  readonly problem: string;
  constructor(line: number, problem: string) {
    super(`line ${line}: ${problem}`);
    this.line = line;
    this.problem = problem;
  }
}

/** What to say about quotes, to whoever fixes a CSV file. */
export const CSV_QUOTING_HINT =
  'a field that holds a comma, a quote or a line break is wrapped in double quotes, and a quote inside it is doubled ("")';

/** Rows of `text`; a row that is not CSV refuses the whole file with a `CsvSyntaxError`. */
export function parseCsv(text: string): CsvRow[] {
  // One line end throughout, so that csv-parse counts lines as an editor shows them.
  const source = text.replace(/^\uFEFF/, '').replace(LINE_BREAK, '\n');
  const rows: CsvRow[] = [];
  let line = 1;
  try {
    parse(source, {
      relax_column_count: true,
      relax_quotes: true,
      trim: true,
      record_delimiter: '\n',
      on_record: (record: string[], { lines }) => {
        if (record.some((value) => value !== '')) rows.push({ line, fields: record });
        // `lines` is the line the record ends on; every line is a record, so the next starts below it.
        line = lines + 1;
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // csv-parse's own message may quote the field, an address: only its code is shown.
    throw new CsvSyntaxError(line, QUOTE_PROBLEMS[error.code] ?? `the line is not valid CSV (${error.code})`);
  }
  return rows;
}
