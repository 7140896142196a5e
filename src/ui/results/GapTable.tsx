import { t } from '../../i18n';
import type { AnswerGap, Share } from '../../results/gap';
import { formatCount, formatGap, formatPercent } from '../../results/labels';
import type { Labelled } from './BarChart';
import { TableScroll } from './TableScroll';

/** "40% (12)": the share within the sex, then the respondents it counts. */
function shareCell(share: Share): string {
  return share.percent === undefined ? t('n/a') : t('{share} ({count})', { share: formatPercent(share.percent), count: formatCount(share.count) });
}

/** Women and men compared on one question, shown open: each answer's share within each sex, and the gap in points. */
export function GapTable({ caption, rows, gaps }: { caption: string; rows: readonly Labelled[]; gaps: readonly AnswerGap[] }) {
  const first = gaps[0];
  return (
    <TableScroll label={caption}>
      <table class="results-table gap-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('Answer')}</th>
            <th scope="col">{t('Women')}</th>
            <th scope="col">{t('Men')}</th>
            <th scope="col">{t('Gap (women − men)')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => {
            const gap = gaps[r];
            return (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td>{gap ? shareCell(gap.women) : ''}</td>
                <td>{gap ? shareCell(gap.men) : ''}</td>
                <td class="gap">{gap?.gapPoints === undefined ? t('n/a') : formatGap(gap.gapPoints)}</td>
              </tr>
            );
          })}
        </tbody>
        {first && (
          <tfoot>
            <tr>
              <th scope="row">{t('Answered')}</th>
              <td>{formatCount(first.women.base)}</td>
              <td>{formatCount(first.men.base)}</td>
              <td />
            </tr>
          </tfoot>
        )}
      </table>
    </TableScroll>
  );
}
