import { useId } from 'preact/hooks';
import { t } from '../../i18n';
import { axisTicks, formatCount, formatShare } from '../../results/labels';
import { SeriesPatterns, patternFill } from './SeriesPatterns';

/** One row (answer) or one bar kind (series) of a chart. */
export interface Labelled {
  key: string;
  label: string;
}

export interface BarChartProps {
  /** The chart's name, e.g. the question's wording. */
  title: string;
  /** One or two sentences saying what the chart shows, for screen readers. */
  description: string;
  categories: readonly Labelled[];
  series: readonly Labelled[];
  /** values[category][series]. */
  values: readonly (readonly number[])[];
  /** Per series, the base each value is a share of (shown on hover). */
  bases?: readonly number[];
  categoryAxisLabel: string;
  valueAxisLabel: string;
  /** A fixed axis (e.g. 0 to 100 for percentages) instead of one fitted to the values. */
  ticks?: readonly number[];
  /** How ticks and bar ends write a value (counts by default). */
  formatValue?: (value: number) => string;
  /** A bar's hover text, instead of "series, answer: value (share)". */
  barTitle?: (category: number, series: number) => string;
  /** One short line under each category's label (e.g. the gap between women and men). */
  categoryNotes?: readonly (string | undefined)[];
}

const WIDTH = 640;
const LABEL_WIDTH = 180;
const PLOT_LEFT = 200;
const PLOT_WIDTH = 370;
const BAR_HEIGHT = 16;
const BAR_GAP = 3;
const GROUP_GAP = 14;
const TOP = 8;
const AXIS_SPACE = 46;
const LABEL_LINE_CHARS = 26;

/** A category label in at most two lines; the full words stay in the row's <title>. */
function labelLines(label: string): string[] {
  if (label.length <= LABEL_LINE_CHARS) return [label];
  const cut = label.lastIndexOf(' ', LABEL_LINE_CHARS);
  const first = cut > 0 ? label.slice(0, cut) : label.slice(0, LABEL_LINE_CHARS);
  const rest = label.slice(first.length).trim();
  return [first, rest.length > LABEL_LINE_CHARS ? `${rest.slice(0, LABEL_LINE_CHARS - 1)}…` : rest];
}

/**
 * Horizontal grouped bars as one accessible SVG image: named by <title>, explained by <desc>,
 * each bar's exact value on hover (its own <title>) and written at its end. Series differ by
 * pattern as well as colour, so the chart reads in greyscale and for colour-blind readers.
 */
export function BarChart(props: BarChartProps) {
  const { title, description, categories, series, values, bases, categoryAxisLabel, valueAxisLabel, formatValue = formatCount, barTitle, categoryNotes } = props;
  const id = useId();
  const max = Math.max(0, ...values.flat());
  const ticks = props.ticks ?? axisTicks(max);
  const top = ticks[ticks.length - 1] ?? 1;
  const x = (v: number) => PLOT_LEFT + (v / top) * PLOT_WIDTH;
  const groupHeight = series.length * (BAR_HEIGHT + BAR_GAP) - BAR_GAP + GROUP_GAP;
  const plotHeight = categories.length * groupHeight;
  const height = TOP + plotHeight + AXIS_SPACE;
  const keys = series.map((s) => s.key);
  return (
    <svg class="bar-chart" role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${WIDTH} ${height}`} width="100%">
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      <SeriesPatterns idPrefix={id} keys={keys} />
      <g class="grid">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={TOP} y2={TOP + plotHeight} />
            <text class="tick" x={x(tick)} y={TOP + plotHeight + 16} text-anchor="middle">
              {formatValue(tick)}
            </text>
          </g>
        ))}
      </g>
      <text class="axis-label" x={PLOT_LEFT + PLOT_WIDTH / 2} y={height - 6} text-anchor="middle">
        {valueAxisLabel}
      </text>
      <text class="axis-label" transform={`translate(12 ${TOP + plotHeight / 2}) rotate(-90)`} text-anchor="middle">
        {categoryAxisLabel}
      </text>
      {categories.map((category, c) => {
        const y0 = TOP + c * groupHeight + GROUP_GAP / 2;
        const lines = labelLines(category.label);
        const note = categoryNotes?.[c];
        const middle = y0 + (groupHeight - GROUP_GAP) / 2;
        const textLines = lines.length + (note ? 1 : 0);
        return (
          <g key={category.key} class="category">
            <text class="category-label" x={LABEL_WIDTH + 10} y={middle - ((textLines - 1) * 14) / 2 + 4} text-anchor="end">
              <title>{category.label}</title>
              {lines.map((line, i) => (
                <tspan key={i} x={LABEL_WIDTH + 10} dy={i === 0 ? 0 : 14}>
                  {line}
                </tspan>
              ))}
              {note && (
                <tspan class="category-note" x={LABEL_WIDTH + 10} dy={14}>
                  {note}
                </tspan>
              )}
            </text>
            {series.map((s, k) => {
              const value = values[c]?.[k] ?? 0;
              const y = y0 + k * (BAR_HEIGHT + BAR_GAP);
              const share = bases ? formatShare(value, bases[k] ?? 0) : '';
              return (
                <g key={s.key}>
                  <rect class="bar" x={PLOT_LEFT} y={y} width={Math.max(0, x(value) - PLOT_LEFT)} height={BAR_HEIGHT} fill={patternFill(id, s.key)}>
                    <title>
                      {barTitle
                        ? barTitle(c, k)
                        : share
                          ? t('{series}, {answer}: {count} ({share})', { series: s.label, answer: category.label, count: value, share })
                          : t('{series}, {answer}: {count}', { series: s.label, answer: category.label, count: value })}
                    </title>
                  </rect>
                  <text class="bar-value" x={x(value) + 4} y={y + BAR_HEIGHT - 4}>
                    {formatValue(value)}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
      <line class="axis" x1={PLOT_LEFT} x2={PLOT_LEFT} y1={TOP} y2={TOP + plotHeight} />
    </svg>
  );
}
