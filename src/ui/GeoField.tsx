// Location questions: "Use my location" asks the browser (with a plain word for each failure), and
// labelled inputs take the coordinates typed by hand, for devices without GPS. Answers are ODK's
// text form (src/forms/geo.ts); a half-typed point is kept as typed so validation can name it.
import { useRef, useState } from 'preact/hooks';
import { MAX_GEO_POINTS, MIN_GEOSHAPE_POINTS, formatGeoPoints, formatGeopoint, parseGeoPoints, type GeoPoint } from '../forms/geo';
import { textIn } from '../forms/texts';
import { t } from '../i18n';
import { captureLocation, type LocationResult } from './geolocation';
import { Description, describedBy, fieldIds, type FieldProps } from './QuestionField';

/** A point as typed: each part's text. */
interface RawPoint {
  latitude: string;
  longitude: string;
  altitude: string;
  accuracy: string;
}
const EMPTY: RawPoint = { latitude: '', longitude: '', altitude: '', accuracy: '' };
const PARTS = ['latitude', 'longitude', 'altitude', 'accuracy'] as const;
/** Stands for a coordinate not typed yet, so the other parts keep their places and the answer reads as invalid. */
const MISSING = '?';

/** The answer text of a point as typed; '' when nothing is typed. */
export function rawPointText(raw: RawPoint): string {
  const [lat, lon, alt, acc] = PARTS.map((p) => raw[p].trim());
  if (!lat && !lon && !alt && !acc) return '';
  const parts = [lat || MISSING, lon || MISSING];
  // As ODK does, an accuracy without an altitude gets altitude 0.
  if (alt || acc) parts.push(alt || '0');
  if (acc) parts.push(acc);
  return parts.join(' ');
}

/** A point's text back into its parts, for showing a saved answer. */
export function rawPointOf(text: string): RawPoint {
  const [latitude = '', longitude = '', altitude = '', accuracy = ''] = text.trim().split(/\s+/).map((p) => (p === MISSING ? '' : p));
  return { latitude, longitude, altitude, accuracy };
}

function rawFrom(point: GeoPoint): RawPoint {
  return rawPointOf(formatGeopoint(point));
}

/** The sentence shown after asking the browser. */
function captureMessage(result: LocationResult): string {
  if (result.ok) {
    const accuracy = result.point.accuracy;
    return accuracy === undefined ? t('Location found.') : t('Location found, accurate to about {metres} m.', { metres: Math.round(accuracy) });
  }
  switch (result.reason) {
    case 'denied':
      return t('Location access was refused. Allow it in your browser’s settings for this site, or type the coordinates.');
    case 'unavailable':
      return t('This device could not find its location (it may have no GPS). Type the coordinates instead.');
    case 'timeout':
      return t('Finding the location took too long. Try again, outdoors if you can, or type the coordinates.');
    case 'unsupported':
      return t('This browser cannot give a location. Type the coordinates instead.');
  }
}

/** "Use my location" and what came of it; `onPoint` receives a found point. */
function CaptureButton({ label, disabled, onPoint, statusId }: { label: string; disabled: boolean; onPoint: (point: GeoPoint) => void; statusId: string }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; failed: boolean }>();
  const capture = async () => {
    setBusy(true);
    setMessage({ text: t('Finding your location… Your browser may ask whether to share it.'), failed: false });
    const result = await captureLocation();
    setBusy(false);
    setMessage({ text: captureMessage(result), failed: !result.ok });
    if (result.ok) onPoint(result.point);
  };
  return (
    <div class="geo-capture">
      <button type="button" disabled={disabled || busy} aria-describedby={statusId} onClick={() => void capture()}>
        {label}
      </button>
      <p id={statusId} class={message?.failed ? 'field-error' : 'hint'} role="status">
        {message?.text}
      </p>
    </div>
  );
}

/** The four labelled inputs of one point. */
function PointInputs({ idBase, firstId, raw, readOnly, invalid, describedBy: described, onInput }: { idBase: string; firstId?: string; raw: RawPoint; readOnly: boolean; invalid: boolean; describedBy: string | undefined; onInput: (raw: RawPoint) => void }) {
  const labels: Record<(typeof PARTS)[number], string> = {
    latitude: t('Latitude (-90 to 90)'),
    longitude: t('Longitude (-180 to 180)'),
    altitude: t('Altitude in metres (optional)'),
    accuracy: t('Accuracy in metres (optional)'),
  };
  return (
    <div class="geo-parts">
      {PARTS.map((part, i) => {
        const id = i === 0 && firstId ? firstId : `${idBase}-${part}`;
        return (
          <div class="geo-part" key={part}>
            <label for={id}>{labels[part]}</label>
            <input
              id={id}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              spellcheck={false}
              value={raw[part]}
              readOnly={readOnly}
              aria-invalid={invalid ? true : undefined}
              aria-describedby={described}
              onInput={(e) => onInput({ ...raw, [part]: e.currentTarget.value })}
            />
          </div>
        );
      })}
    </div>
  );
}

/** A geopoint: the browser's location or one typed by hand. */
export function GeopointInput({ question, value, error, locale, readOnly, onChange }: FieldProps) {
  const ids = fieldIds(question.id);
  const [raw, setRaw] = useState<RawPoint>(() => (typeof value === 'string' ? rawPointOf(value) : EMPTY));
  const set = (next: RawPoint) => {
    setRaw(next);
    const text = rawPointText(next);
    onChange(question.id, text === '' ? undefined : text);
  };
  return (
    <fieldset class="field field-geopoint" aria-describedby={describedBy(question, error)}>
      <legend>{textIn(question.label, locale)}</legend>
      <Description question={question} error={error} locale={locale} />
      <CaptureButton label={t('Use my location')} disabled={readOnly} statusId={`q-${question.id}-capture`} onPoint={(point) => set(rawFrom(point))} />
      <PointInputs idBase={`q-${question.id}`} firstId={ids.input} raw={raw} readOnly={readOnly} invalid={error !== undefined} describedBy={describedBy(question, error)} onInput={set} />
      {rawPointText(raw) !== '' && !readOnly && (
        <button type="button" onClick={() => set(EMPTY)}>
          {t('Clear the location')}
        </button>
      )}
    </fieldset>
  );
}

/** A geotrace's or geoshape's saved text as points to edit; an area's closing point (the first again) is not shown. */
function rawPointsOf(value: unknown, closed: boolean): RawPoint[] {
  if (typeof value !== 'string' || value.trim() === '') return [];
  const points = value.split(';').filter((p) => p.trim() !== '').map(rawPointOf);
  const [first, last] = [points[0], points[points.length - 1]];
  if (closed && points.length > 1 && first && last && first.latitude === last.latitude && first.longitude === last.longitude) points.pop();
  return points;
}

/** The answer of points as typed: an area is closed once it has 3 points, all valid. */
function pointsText(points: readonly RawPoint[], closed: boolean): string | undefined {
  const texts = points.map(rawPointText).filter((p) => p !== '');
  if (texts.length === 0) return undefined;
  const joined = texts.join(';');
  const parsed = closed ? parseGeoPoints(joined) : undefined;
  return parsed && parsed.length >= MIN_GEOSHAPE_POINTS - 1 ? formatGeoPoints(parsed, true) : joined;
}

/** A geotrace (a line) or geoshape (an area): points added one by one, captured or typed, and removable. */
export function GeoPointsInput({ question, value, error, locale, readOnly, onChange }: FieldProps) {
  const ids = fieldIds(question.id);
  const closed = question.type === 'geoshape';
  const [points, setPoints] = useState<RawPoint[]>(() => rawPointsOf(value, closed));
  const addButton = useRef<HTMLButtonElement>(null);
  const firstInput = (i: number) => (i === 0 ? ids.input : `q-${question.id}-p${i}-latitude`);
  const set = (next: RawPoint[], focus?: number | 'add') => {
    setPoints(next);
    onChange(question.id, pointsText(next, closed));
    // After the list re-renders: a new point's first input, or (after a removal) the add button.
    if (focus !== undefined) requestAnimationFrame(() => (focus === 'add' ? addButton.current : document.getElementById(firstInput(focus)))?.focus());
  };
  const full = points.length >= MAX_GEO_POINTS;
  const described = describedBy(question, error);
  return (
    <fieldset class={`field field-${question.type}`} aria-describedby={described}>
      <legend>{textIn(question.label, locale)}</legend>
      <Description question={question} error={error} locale={locale} />
      <p class="hint">{closed ? t('An area needs at least 3 points; it is closed from the last point back to the first for you.') : t('A line needs at least 2 points, in order.')}</p>
      <ol class="geo-points">
        {points.map((raw, i) => (
          <li key={i}>
            <fieldset class="geo-point">
              <legend>{t('Point {n}', { n: i + 1 })}</legend>
              <PointInputs
                idBase={`q-${question.id}-p${i}`}
                firstId={firstInput(i)}
                raw={raw}
                readOnly={readOnly}
                invalid={error !== undefined}
                describedBy={described}
                onInput={(next) => {
                  const list = [...points];
                  list[i] = next;
                  setPoints(list);
                  onChange(question.id, pointsText(list, closed));
                }}
              />
              {!readOnly && (
                <button type="button" onClick={() => set(points.filter((_, j) => j !== i), 'add')}>
                  {t('Remove point {n}', { n: i + 1 })}
                </button>
              )}
            </fieldset>
          </li>
        ))}
      </ol>
      {!readOnly && (
        <div class="geo-add">
          <button type="button" id={points.length === 0 ? ids.input : undefined} ref={addButton} disabled={full} onClick={() => set([...points, EMPTY], points.length)}>
            {t('Add a point by hand')}
          </button>
          <CaptureButton label={t('Add my location as a point')} disabled={full} statusId={`q-${question.id}-capture`} onPoint={(point) => set([...points, rawFrom(point)])} />
        </div>
      )}
    </fieldset>
  );
}
