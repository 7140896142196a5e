import { t } from '../../i18n';
import { formatCount } from '../../results/labels';
import type { Labelled } from './BarChart';
import { TableScroll } from './TableScroll';

export interface DataTableProps {
  caption: string;
  /** Head of the first column, e.g. "Answer". */
  rowHead: string;
  rows: readonly Labelled[];
  columns: readonly Labelled[];
  /** values[row][column]. */
  values: readonly (readonly number[])[];
  /** A last column summing each row over all series (including any not shown as columns). */
  rowTotals?: readonly number[];
  /** A last row, e.g. respondents who answered, by column. */
  footer?: { label: string; values: readonly number[]; total?: number };
  format?: (n: number) => string;
}

/** The numbers behind a chart as a real table, behind "Show the numbers" (named per chart, so each is findable). */
export function DataTable({ caption, rowHead, rows, columns, values, rowTotals, footer, format = formatCount }: DataTableProps) {
  return (
    <details class="chart-numbers">
      <summary>
        {/* Named per chart for screen readers, so each is findable; the visible words stay short. */}
        <span aria-hidden="true">{t('Show the numbers')}</span>
        <span class="visually-hidden">{t('{label}: {value}', { label: t('Show the numbers'), value: caption })}</span>
      </summary>
      <TableScroll label={caption}>
        <table class="results-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{rowHead}</th>
              {columns.map((c) => (
                <th scope="col" key={c.key}>
                  {c.label}
                </th>
              ))}
              {rowTotals && <th scope="col">{t('All')}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {columns.map((c, k) => (
                  <td key={c.key}>{format(values[r]?.[k] ?? 0)}</td>
                ))}
                {rowTotals && <td>{format(rowTotals[r] ?? 0)}</td>}
              </tr>
            ))}
          </tbody>
          {footer && (
            <tfoot>
              <tr>
                <th scope="row">{footer.label}</th>
                {columns.map((c, k) => (
                  <td key={c.key}>{formatCount(footer.values[k] ?? 0)}</td>
                ))}
                {rowTotals && <td>{footer.total === undefined ? '' : formatCount(footer.total)}</td>}
              </tr>
            </tfoot>
          )}
        </table>
      </TableScroll>
    </details>
  );
}
