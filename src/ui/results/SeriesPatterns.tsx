// Fills for the chart series: a colour and a pattern each (solid, stripes, dots, cross-hatch,
// bars), so two series never differ by colour alone. Colours keep 3:1 contrast on white.
import { useId } from 'preact/hooks';

interface Look {
  colour: string;
  /** The pattern tile drawn over white; undefined for a solid fill. */
  tile?: 'stripes' | 'dots' | 'crosshatch' | 'bars';
}

const LOOKS: Readonly<Record<string, Look>> = {
  all: { colour: '#1d4f91' },
  female: { colour: '#1d4f91' },
  male: { colour: '#a34700', tile: 'stripes' },
  other: { colour: '#1e6b34', tile: 'dots' },
  prefer_not_to_say: { colour: '#6a3d9a', tile: 'crosshatch' },
  not_stated: { colour: '#4a5360', tile: 'bars' },
};

const lookOf = (key: string): Look => LOOKS[key] ?? { colour: '#4a5360', tile: 'bars' };

/** The `fill` of a series' bars in the chart whose patterns were defined under `idPrefix`. */
export function patternFill(idPrefix: string, key: string): string {
  const look = lookOf(key);
  return look.tile ? `url(#${idPrefix}-p-${key})` : look.colour;
}

function Tile({ look }: { look: Look }) {
  switch (look.tile) {
    case 'stripes':
      return <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke={look.colour} stroke-width="2.5" />;
    case 'dots':
      return <circle cx="4" cy="4" r="2.2" fill={look.colour} />;
    case 'crosshatch':
      return <path d="M0,0 l8,8 M8,0 l-8,8" stroke={look.colour} stroke-width="1.6" />;
    case 'bars':
      return <path d="M0,2 h8 M0,6 h8" stroke={look.colour} stroke-width="1.6" />;
    default:
      return null;
  }
}

/** <defs> with one pattern per patterned series, ids unique to one chart. */
export function SeriesPatterns({ idPrefix, keys }: { idPrefix: string; keys: readonly string[] }) {
  return (
    <defs>
      {keys.map((key) => {
        const look = lookOf(key);
        if (!look.tile) return null;
        return (
          <pattern key={key} id={`${idPrefix}-p-${key}`} width="8" height="8" patternUnits="userSpaceOnUse">
            <rect width="8" height="8" fill="#ffffff" stroke={look.colour} stroke-width="1" />
            <Tile look={look} />
          </pattern>
        );
      })}
    </defs>
  );
}

/** A legend swatch drawn like the bars it names; decorative, the text beside it carries the name. */
export function Swatch({ seriesKey }: { seriesKey: string }) {
  const id = `${useId()}-swatch`;
  return (
    <svg class="swatch" width="18" height="14" viewBox="0 0 18 14" aria-hidden="true" focusable="false">
      <SeriesPatterns idPrefix={id} keys={[seriesKey]} />
      <rect x="0.5" y="0.5" width="17" height="13" fill={patternFill(id, seriesKey)} stroke={lookOf(seriesKey).colour} />
    </svg>
  );
}
