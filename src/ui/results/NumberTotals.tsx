import type { Locale, Question } from '../../forms/schema';
import { textIn } from '../../forms/texts';
import { t } from '../../i18n';
import { formatCount, formatSum } from '../../results/labels';
import { SEX_KEYS, type NumberResult, type SexKey } from '../../results/schema';
import type { Labelled } from './BarChart';
import { TableScroll } from './TableScroll';

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

interface NumberTotalsProps {
  results: readonly NumberResult[];
  questions: ReadonlyMap<string, Question>;
  /** One column per sex shown; none when the form has no sex question (totals only). */
  columns: readonly (Labelled & { key: SexKey })[];
  locale: Locale;
}

/** Numeric context questions (e.g. women and men reached) summed over all responses, and by respondent's sex when there is one. */
export function NumberTotals({ results, questions, columns, locale }: NumberTotalsProps) {
  const at = columns.map((c) => SEX_KEYS.indexOf(c.key));
  const split = columns.length > 0;
  const caption = split ? t('Sums of numeric answers, by sex of the respondent') : t('Sums of numeric answers');
  const rows = results.map((r) => {
    const q = questions.get(r.questionId);
    return { key: r.questionId, label: q ? textIn(q.label, locale) : r.questionId };
  });
  return (
    <section aria-labelledby="totals-heading">
      <h2 id="totals-heading">{t('Totals')}</h2>
      <p>
        {split
          ? t("Numeric answers added up over all responses, and by the respondent's sex; the average is over the responses that answered.")
          : t('Numeric answers added up over all responses; the average is over the responses that answered.')}
      </p>
      <TableScroll label={caption}>
        <table class="results-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('Question')}</th>
              {columns.map((c) => (
                <th scope="col" key={c.key}>
                  {c.label}
                </th>
              ))}
              <th scope="col">{t('All')}</th>
              <th scope="col">{t('Responses answering')}</th>
              <th scope="col">{t('Average')}</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r, i) => (
              <tr key={r.questionId}>
                <th scope="row">{rows[i]!.label}</th>
                {at.map((k, j) => (
                  <td key={columns[j]!.key}>{formatSum(r.sums[k] ?? 0)}</td>
                ))}
                <td>{formatSum(sum(r.sums))}</td>
                <td>{formatCount(sum(r.answered))}</td>
                <td>{sum(r.answered) > 0 ? formatSum(sum(r.sums) / sum(r.answered)) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
