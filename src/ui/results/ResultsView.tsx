import { questionsOf, type Form, type Locale } from '../../forms/schema';
import { t, tn } from '../../i18n';
import { formatCount, formatShare, sexSeriesLabel, shownSexes } from '../../results/labels';
import { SEX_KEYS, type FormResults, type NumberResult } from '../../results/schema';
import { BarChart } from './BarChart';
import { ChoiceChart } from './ChoiceChart';
import { DataTable } from './DataTable';
import { Legend } from './Legend';
import { NoSexNote } from './NoSexNote';
import { NumberTotals } from './NumberTotals';
import { RepeatCounts } from './RepeatCounts';

/**
 * A form's results: who responded, numeric totals and each choice question, disaggregated by sex
 * (women and men compared, with the gap in points) when the form has a sex question, else in all
 * with a note saying why they are not split.
 */
export function ResultsView({ form, results, locale }: { form: Form; results: FormResults; locale: Locale }) {
  if (results.total === 0) return <p>{t('No finalized responses yet.')}</p>;
  const questions = new Map(questionsOf(form).map((q) => [q.id, q]));
  // Absent (a server older than the field) means split by `sex`, as it always was.
  const split = results.sexQuestion !== null;
  const sexes = split ? shownSexes(results.bySex) : undefined;
  const columns = (sexes ?? []).map((key) => ({ key, label: sexSeriesLabel(key) }));
  const numbers = results.questions.filter((r): r is NumberResult => r.kind === 'number');
  return (
    <div class="results">
      <section aria-labelledby="respondents-heading">
        <h2 id="respondents-heading">{t('Respondents')}</h2>
        {split ? (
          <>
            <p class="result-total">
              {tn(results.total, '{n} response:', '{n} responses:')}{' '}
              {columns.map((c, k) => {
                const n = results.bySex[SEX_KEYS.indexOf(c.key)] ?? 0;
                return `${k > 0 ? ', ' : ''}${formatCount(n)} ${c.label.toLowerCase()} (${formatShare(n, results.total)})`;
              })}
            </p>
            <RespondentsChart results={results} />
          </>
        ) : (
          <>
            <p class="result-total">{tn(results.total, '{n} response.', '{n} responses.')}</p>
            <NoSexNote form={form} />
          </>
        )}
      </section>
      {results.repeats && results.repeats.length > 0 && <RepeatCounts form={form} repeats={results.repeats} sexes={sexes} locale={locale} />}
      {numbers.length > 0 && <NumberTotals results={numbers} questions={questions} columns={columns} locale={locale} />}
      <section aria-labelledby="answers-heading">
        <h2 id="answers-heading">{split ? t('Answers by sex') : t('Answers')}</h2>
        {split && (
          <>
            <p>
              {t('For each answer: the percent of women and the percent of men who chose it, each out of those of their sex who answered, and the gap between the two in percentage points (women minus men: positive when more women chose it).')}
            </p>
            <Legend series={columns} />
          </>
        )}
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
