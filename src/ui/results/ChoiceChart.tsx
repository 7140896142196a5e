import type { Locale, Question } from '../../forms/schema';
import { textIn } from '../../forms/texts';
import { t, tn } from '../../i18n';
import { answerGaps, widestGap } from '../../results/gap';
import { categoryLabel, formatCount, formatGap, formatPercent, formatShare, sexSeriesLabel } from '../../results/labels';
import { SEX_KEYS, type ChoiceResult, type SexKey } from '../../results/schema';
import { BarChart, type Labelled } from './BarChart';
import { DataTable } from './DataTable';
import { GapTable } from './GapTable';

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const PERCENT_TICKS = [0, 20, 40, 60, 80, 100];

interface ChoiceChartProps {
  question: Question;
  result: ChoiceResult;
  /** The sex series to draw; undefined when the form has no sex question (totals only). */
  sexes: readonly SexKey[] | undefined;
  locale: Locale;
}

/** One choice question's answers: by sex (shares within each sex, the women–men gap, counts), or in all when there is no split. */
export function ChoiceChart({ question, result, sexes, locale }: ChoiceChartProps) {
  const title = textIn(question.label, locale);
  const rows = result.categories.map((code) => ({ key: code, label: categoryLabel(question, code, locale) }));
  const many = question.type === 'multi' ? ` ${t('Each respondent could choose several answers.')}` : '';
  const answered = sum(result.answered);
  return (
    <section class="result-question">
      <h3>{title}</h3>
      <p class="result-note">
        {tn(answered, '{n} answered', '{n} answered')}
        {many}
        {result.covers !== undefined && ` ${tn(result.covers, 'Only {n} response comes from a version of the form that asks this question.', 'Only {n} responses come from a version of the form that asks this question.')}`}
      </p>
      {sexes ? <BySex title={title} rows={rows} result={result} sexes={sexes} many={many} /> : <InAll title={title} rows={rows} result={result} many={many} />}
    </section>
  );
}

interface PartProps {
  title: string;
  rows: Labelled[];
  result: ChoiceResult;
  many: string;
}

/** Why a question has no gap to show, when women or men did not answer it. */
function missingSide(result: ChoiceResult): string {
  const women = result.answered[SEX_KEYS.indexOf('female')] ?? 0;
  const men = result.answered[SEX_KEYS.indexOf('male')] ?? 0;
  if (women === 0 && men === 0) return t('Neither women nor men answered this question, so there is no gap to show.');
  if (women === 0) return t('No women answered this question, so there is no gap to show.');
  return men === 0 ? t('No men answered this question, so there is no gap to show.') : '';
}

/** Women and men compared first (the gap table), then every sex's share as a chart, then the counts. */
function BySex({ title, rows, result, sexes, many }: PartProps & { sexes: readonly SexKey[] }) {
  const columns = sexes.map((key) => ({ key, label: sexSeriesLabel(key) }));
  const at = sexes.map((key) => SEX_KEYS.indexOf(key));
  const bases = at.map((i) => result.answered[i] ?? 0);
  const counts = result.counts.map((bySex) => at.map((i) => bySex[i] ?? 0));
  const percents = counts.map((row) => row.map((n, k) => ((bases[k] ?? 0) > 0 ? (n / bases[k]!) * 100 : 0)));
  const gaps = answerGaps(result);
  const answered = sum(result.answered);
  const list = columns.map((c, k) => `${formatCount(bases[k] ?? 0)} ${c.label.toLowerCase()}`).join(', ');
  const widest = widestGap(gaps);
  const widestLine = widest
    ? ` ${t('Widest gap: {answer}, {gap} ({women} of women, {men} of men).', {
        answer: rows[gaps.indexOf(widest)]!.label,
        gap: formatGap(widest.gapPoints!),
        women: formatPercent(widest.women.percent!),
        men: formatPercent(widest.men.percent!),
      })}`
    : '';
  const missing = missingSide(result);
  const description = `${t('Percent of the respondents of each sex who chose each answer, and the gap between women and men in percentage points.')} ${tn(answered, '{n} respondent answered: {list}.', '{n} respondents answered: {list}.', { list })}${many}${widestLine}${missing ? ` ${missing}` : ''}`;
  const barTitle = (c: number, k: number) => {
    const vars = { series: columns[k]!.label, answer: rows[c]!.label, count: counts[c]?.[k] ?? 0 };
    const base = bases[k] ?? 0;
    return base > 0 ? t('{series}, {answer}: {share} ({count} of {base})', { ...vars, share: formatShare(vars.count, base), base }) : t('{series}, {answer}: {count}', vars);
  };
  return (
    <>
      {missing && <p class="result-note">{missing}</p>}
      <GapTable caption={t('Women and men compared: {title}', { title })} rows={rows} gaps={gaps} />
      <BarChart
        title={title}
        description={description}
        categories={rows}
        series={columns}
        values={percents}
        ticks={PERCENT_TICKS}
        formatValue={formatPercent}
        barTitle={barTitle}
        categoryNotes={gaps.map((g) => (g.gapPoints === undefined ? undefined : t('Gap: {gap}', { gap: formatGap(g.gapPoints) })))}
        categoryAxisLabel={t('Answer')}
        valueAxisLabel={t('Percent of the respondents of each sex')}
      />
      <DataTable
        caption={t('{title}: respondents by answer and sex', { title })}
        rowHead={t('Answer')}
        rows={rows}
        columns={columns}
        values={counts}
        rowTotals={result.counts.map(sum)}
        footer={{ label: t('Answered'), values: bases, total: answered }}
      />
    </>
  );
}

/** No sex question: each answer's respondents in all, with their share on hover. */
function InAll({ title, rows, result, many }: PartProps) {
  const answered = sum(result.answered);
  const series = [{ key: 'all', label: t('All respondents') }];
  const values = result.counts.map((bySex) => [sum(bySex)]);
  const description = `${t('Number of respondents choosing each answer.')} ${tn(answered, '{n} respondent answered.', '{n} respondents answered.')}${many}`;
  return (
    <>
      <BarChart
        title={title}
        description={description}
        categories={rows}
        series={series}
        values={values}
        bases={[answered]}
        categoryAxisLabel={t('Answer')}
        valueAxisLabel={t('Number of respondents')}
      />
      <DataTable caption={t('{title}: respondents by answer', { title })} rowHead={t('Answer')} rows={rows} columns={series} values={values} footer={{ label: t('Answered'), values: [answered] }} />
    </>
  );
}
