import { t } from '../../i18n';
import type { Labelled } from './BarChart';
import { Swatch } from './SeriesPatterns';

/** Which pattern is which series, drawn once above the charts that share it. */
export function Legend({ series }: { series: readonly Labelled[] }) {
  return (
    <ul class="chart-legend" aria-label={t('Legend')}>
      {series.map((s) => (
        <li key={s.key}>
          <Swatch seriesKey={s.key} /> {s.label}
        </li>
      ))}
    </ul>
  );
}
