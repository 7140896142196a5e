import type { Locale, Question } from '../../forms/schema';
import { textIn } from '../../forms/texts';
import { t, tn } from '../../i18n';
import { categoryLabel, formatCount, sexSeriesLabel } from '../../results/labels';
import { SEX_KEYS, type ChoiceResult, type SexKey } from '../../results/schema';
import { BarChart } from './BarChart';
import { DataTable } from './DataTable';

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** One choice question's answers by sex: a chart, then its numbers. */
export function ChoiceChart({ question, result, sexes, locale }: { question: Question; result: ChoiceResult; sexes: readonly SexKey[]; locale: Locale }) {
  const title = textIn(question.label, locale);
  const columns = sexes.map((key) => ({ key, label: sexSeriesLabel(key) }));
  const at = sexes.map((key) => SEX_KEYS.indexOf(key));
  const rows = result.categories.map((code) => ({ key: code, label: categoryLabel(question, code, locale) }));
  const values = result.counts.map((bySex) => at.map((i) => bySex[i] ?? 0));
  const answered = sum(result.answered);
  const many = question.type === 'multi' ? ` ${t('Each respondent could choose several answers.')}` : '';
  const list = columns.map((c, k) => `${formatCount(result.answered[at[k]!] ?? 0)} ${c.label.toLowerCase()}`).join(', ');
  const description = `${t('Number of respondents choosing each answer, by sex.')} ${tn(answered, '{n} respondent answered: {list}.', '{n} respondents answered: {list}.', { list })}${many}`;
  return (
    <section class="result-question">
      <h3>{title}</h3>
      <p class="result-note">
        {tn(answered, '{n} answered', '{n} answered')}
        {many}
        {result.covers !== undefined && ` ${tn(result.covers, 'Only {n} response comes from a version of the form that asks this question.', 'Only {n} responses come from a version of the form that asks this question.')}`}
      </p>
      <BarChart
        title={title}
        description={description}
        categories={rows}
        series={columns}
        values={values}
        bases={at.map((i) => result.answered[i] ?? 0)}
        categoryAxisLabel={t('Answer')}
        valueAxisLabel={t('Number of respondents')}
      />
      <DataTable
        caption={t('{title}: respondents by answer and sex', { title })}
        rowHead={t('Answer')}
        rows={rows}
        columns={columns}
        values={values}
        rowTotals={result.counts.map(sum)}
        footer={{ label: t('Answered'), values: at.map((i) => result.answered[i] ?? 0), total: answered }}
      />
    </section>
  );
}
