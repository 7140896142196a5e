import { questionsOf, type Form, type Locale, type Question } from '../../forms/schema';
import { textIn } from '../../forms/texts';
import { t, tn } from '../../i18n';
import { formatCount, formatShare, formatSum, sexSeriesLabel, shownSexes } from '../../results/labels';
import { SEX_KEYS, type FormResults, type NumberResult } from '../../results/schema';
import { BarChart } from './BarChart';
import { ChoiceChart } from './ChoiceChart';
import { DataTable } from './DataTable';
import { Legend } from './Legend';
import { TableScroll } from './TableScroll';

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** A form's results, disaggregated by sex: who responded, each choice question, and numeric totals. */
export function ResultsView({ form, results, locale }: { form: Form; results: FormResults; locale: Locale }) {
  if (results.total === 0) return <p>{t('No finalized responses yet.')}</p>;
  const questions = new Map(questionsOf(form).map((q) => [q.id, q]));
  const sexes = shownSexes(results.bySex);
  const columns = sexes.map((key) => ({ key, label: sexSeriesLabel(key) }));
  const numbers = results.questions.filter((r): r is NumberResult => r.kind === 'number');
  return (
    <div class="results">
      <section aria-labelledby="respondents-heading">
        <h2 id="respondents-heading">{t('Respondents')}</h2>
        <p class="result-total">
          {tn(results.total, '{n} response:', '{n} responses:')}{' '}
          {columns.map((c, k) => {
            const n = results.bySex[SEX_KEYS.indexOf(c.key)] ?? 0;
            return `${k > 0 ? ', ' : ''}${formatCount(n)} ${c.label.toLowerCase()} (${formatShare(n, results.total)})`;
          })}
        </p>
        <RespondentsChart results={results} />
      </section>
      {numbers.length > 0 && <NumberTotals results={numbers} questions={questions} columns={columns} locale={locale} />}
      <section aria-labelledby="answers-heading">
        <h2 id="answers-heading">{t('Answers by sex')}</h2>
        <Legend series={columns} />
        {results.questions.map((r) => {
          const question = questions.get(r.questionId);
          if (r.kind !== 'choice' || !question) return null;
          return <ChoiceChart key={r.questionId} question={question} result={r} sexes={sexes} locale={locale} />;
        })}
      </section>
    </div>
  );
}

/** Responses by sex as a one-series chart: every sex is a row here, including any with none. */
function RespondentsChart({ results }: { results: FormResults }) {
  // Every sex option is a row, even at zero; "not recorded" only when some response lacks it.
  const keys = SEX_KEYS.filter((key, i) => key !== 'not_stated' || (results.bySex[i] ?? 0) > 0);
  const rows = keys.map((key) => ({ key, label: sexSeriesLabel(key) }));
  const values = keys.map((key) => [results.bySex[SEX_KEYS.indexOf(key)] ?? 0]);
  const series = [{ key: 'all', label: t('Responses') }];
  const title = t('Responses by sex of the respondent');
  const each = rows.map((r, i) => t('{label}: {value}', { label: r.label, value: formatCount(values[i]![0]!) })).join('; ');
  return (
    <>
      <BarChart
        title={title}
        description={`${tn(results.total, '{n} response in all.', '{n} responses in all.')} ${each}.`}
        categories={rows}
        series={series}
        values={values}
        bases={[results.total]}
        categoryAxisLabel={t('Sex')}
        valueAxisLabel={t('Number of responses')}
      />
      <DataTable caption={title} rowHead={t('Sex')} rows={rows} columns={series} values={values} footer={{ label: t('All'), values: [results.total] }} />
    </>
  );
}

/** Numeric context questions (e.g. women and men reached) summed over all responses, by respondent's sex. */
function NumberTotals({ results, questions, columns, locale }: { results: NumberResult[]; questions: Map<string, Question>; columns: { key: (typeof SEX_KEYS)[number]; label: string }[]; locale: Locale }) {
  const at = columns.map((c) => SEX_KEYS.indexOf(c.key));
  const rows = results.map((r) => {
    const q = questions.get(r.questionId);
    return { key: r.questionId, label: q ? textIn(q.label, locale) : r.questionId };
  });
  return (
    <section aria-labelledby="totals-heading">
      <h2 id="totals-heading">{t('Totals')}</h2>
      <p>{t("Numeric answers added up over all responses, and by the respondent's sex; the average is over the responses that answered.")}</p>
      <TableScroll label={t('Sums of numeric answers, by sex of the respondent')}>
        <table class="results-table">
          <caption>{t('Sums of numeric answers, by sex of the respondent')}</caption>
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
