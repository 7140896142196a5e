// The location widgets in the renderer: a geopoint typed by hand or taken from a mocked
// navigator.geolocation (found, refused, unavailable, timed out, absent), and a line and an area
// whose points are added and removed, all found by role and label.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { validateAnswers } from '../../src/forms/answers';
import { readDefinition } from '../../src/forms/load';
import type { AnswerValue, Answers } from '../../src/forms/relevance';
import type { Form } from '../../src/forms/schema';
import { FormRenderer } from '../../src/ui/FormRenderer';

const read = readDefinition({
  id: 'site-visit',
  version: 1,
  title: 'Site visit',
  sections: [
    {
      id: 'main',
      title: 'The site',
      questions: [
        { id: 'where', type: 'geopoint', label: 'Where is the site?', required: true },
        { id: 'road', type: 'geotrace', label: 'The access road' },
        { id: 'plot', type: 'geoshape', label: 'The plot' },
      ],
    },
  ],
});
if (!read.ok) throw new Error(JSON.stringify(read.problems));
const FORM: Form = read.form;

let last: Answers = {};
function Harness({ initial = {} }: { initial?: Answers }) {
  const [answers, setAnswers] = useState<Answers>(initial);
  const onChange = (id: string, value: AnswerValue | undefined) => {
    const next = { ...answers };
    if (value === undefined) delete next[id];
    else next[id] = value;
    last = next;
    setAnswers(next);
  };
  return <FormRenderer form={FORM} answers={answers} errors={{}} locale="en" onChange={onChange} />;
}

/** A Geolocation whose one answer is given; `asked` counts the calls. */
function fakeGeolocation(answer: { coords: Partial<GeolocationCoordinates> } | { code: number }) {
  const fake = {
    asked: 0,
    getCurrentPosition(ok: PositionCallback, fail: PositionErrorCallback, options?: PositionOptions) {
      fake.asked++;
      expect(options).toMatchObject({ enableHighAccuracy: true, maximumAge: 0 });
      setTimeout(() => ('code' in answer ? fail(answer as GeolocationPositionError) : ok({ coords: { altitude: null, ...answer.coords } } as GeolocationPosition)), 0);
    },
  };
  Object.defineProperty(navigator, 'geolocation', { configurable: true, value: fake });
  return fake;
}

const type = (label: string, value: string, within_: HTMLElement) => fireEvent.input(within(within_).getByLabelText(label), { target: { value } });
const group = (name: string) => screen.getByRole('group', { name });

afterEach(() => {
  last = {};
  Object.defineProperty(navigator, 'geolocation', { configurable: true, value: undefined });
});

describe('a geopoint', () => {
  it('takes latitude and longitude typed by hand, then altitude and accuracy, and can be cleared', () => {
    render(<Harness />);
    const where = group('Where is the site?');
    type('Latitude (-90 to 90)', '12.5', where);
    expect(last.where).toBe('12.5 ?');
    expect(validateAnswers(FORM, last).where).toMatch(/^Enter a location/);
    type('Longitude (-180 to 180)', '-1.25', where);
    expect(last).toEqual({ where: '12.5 -1.25' });
    expect(validateAnswers(FORM, last)).toEqual({});
    type('Accuracy in metres (optional)', '8', where);
    expect(last.where).toBe('12.5 -1.25 0 8');
    type('Altitude in metres (optional)', '301.5', where);
    expect(last.where).toBe('12.5 -1.25 301.5 8');
    fireEvent.click(within(where).getByRole('button', { name: 'Clear the location' }));
    expect(last).toEqual({});
    expect(within(where).getByLabelText('Latitude (-90 to 90)')).toHaveProperty('value', '');
  });

  it('shows a saved answer in its inputs, the first one reachable by the error summary\'s link', () => {
    render(<Harness initial={{ where: '48.8583701 2.2944813 35 12' }} />);
    expect(document.getElementById('q-where')).toBe(within(group('Where is the site?')).getByLabelText('Latitude (-90 to 90)'));
    expect(screen.getByDisplayValue('48.8583701')).toBeTruthy();
    expect(screen.getByDisplayValue('2.2944813')).toBeTruthy();
    expect(screen.getByDisplayValue('35')).toBeTruthy();
  });

  it('fills in the location the browser gives, and says how accurate it is', async () => {
    const geo = fakeGeolocation({ coords: { latitude: 48.858370123, longitude: 2.2944813, accuracy: 12.3 } });
    render(<Harness />);
    const where = group('Where is the site?');
    fireEvent.click(within(where).getByRole('button', { name: 'Use my location' }));
    expect(within(where).getByRole('status').textContent).toBe('Finding your location… Your browser may ask whether to share it.');
    await waitFor(() => expect(last.where).toBe('48.8583701 2.2944813 0 12.3'));
    expect(geo.asked).toBe(1);
    expect(within(where).getByRole('status').textContent).toBe('Location found, accurate to about 12 m.');
    expect(within(where).getByLabelText('Latitude (-90 to 90)')).toHaveProperty('value', '48.8583701');
    expect(within(where).getByLabelText('Accuracy in metres (optional)')).toHaveProperty('value', '12.3');
    expect(validateAnswers(FORM, last)).toEqual({});
  });

  it.each([
    ['refused', { code: 1 }, 'Location access was refused. Allow it in your browser’s settings for this site, or type the coordinates.'],
    ['unavailable', { code: 2 }, 'This device could not find its location (it may have no GPS). Type the coordinates instead.'],
    ['timed out', { code: 3 }, 'Finding the location took too long. Try again, outdoors if you can, or type the coordinates.'],
  ])('says plainly when the location is %s, changes nothing, and the inputs still work', async (_name, error, message) => {
    fakeGeolocation(error);
    render(<Harness initial={{ where: '1 2' }} />);
    const where = group('Where is the site?');
    const button = within(where).getByRole('button', { name: 'Use my location' });
    fireEvent.click(button);
    await waitFor(() => expect(within(where).getByRole('status').textContent).toBe(message));
    expect(within(where).getByRole('status').className).toBe('field-error');
    expect(button.getAttribute('aria-describedby')).toBe(within(where).getByRole('status').id);
    expect(last).toEqual({});
    type('Latitude (-90 to 90)', '3', where);
    expect(last).toEqual({ where: '3 2' });
  });

  it('says so when the browser has no geolocation at all', async () => {
    render(<Harness />);
    const where = group('Where is the site?');
    await act(async () => {
      fireEvent.click(within(where).getByRole('button', { name: 'Use my location' }));
    });
    await waitFor(() => expect(within(where).getByRole('status').textContent).toBe('This browser cannot give a location. Type the coordinates instead.'));
  });
});

describe('a line and an area', () => {
  it('adds points typed by hand, closes the area, and removes a point', async () => {
    render(<Harness />);
    const plot = group('The plot');
    const points: [string, string][] = [['0', '0'], ['0', '1'], ['1', '1']];
    for (const [i, [lat, lon]] of points.entries()) {
      fireEvent.click(within(plot).getByRole('button', { name: 'Add a point by hand' }));
      const point = within(plot).getByRole('group', { name: `Point ${i + 1}` });
      // The new point's first input takes the focus, for the keyboard.
      await waitFor(() => expect(document.activeElement).toBe(within(point).getByLabelText('Latitude (-90 to 90)')));
      type('Latitude (-90 to 90)', lat, point);
      type('Longitude (-180 to 180)', lon, point);
    }
    expect(last.plot).toBe('0 0;0 1;1 1;0 0');
    expect(validateAnswers(FORM, { ...last, where: '1 1' })).toEqual({});
    fireEvent.click(within(plot).getByRole('button', { name: 'Remove point 2' }));
    expect(last.plot).toBe('0 0;1 1');
    expect(within(plot).queryByRole('group', { name: 'Point 3' })).toBeNull();
    expect(validateAnswers(FORM, { ...last, where: '1 1' }).plot).toMatch(/^Enter an area of at least 3 different points/);
    await waitFor(() => expect(document.activeElement).toBe(within(plot).getByRole('button', { name: 'Add a point by hand' })));
  });

  it('shows a saved area without its closing point, and adds the browser\'s location as a point of a line', async () => {
    fakeGeolocation({ coords: { latitude: 5, longitude: 6, altitude: 100, accuracy: 3 } });
    render(<Harness initial={{ plot: '0 0;0 1;1 1;0 0', road: '9 9' }} />);
    expect(within(group('The plot')).getAllByRole('group').map((g) => g.querySelector('legend')?.textContent)).toEqual(['Point 1', 'Point 2', 'Point 3']);
    const road = group('The access road');
    fireEvent.click(within(road).getByRole('button', { name: 'Add my location as a point' }));
    await waitFor(() => expect(last.road).toBe('9 9;5 6 100 3'));
    expect(within(road).getByRole('group', { name: 'Point 2' })).toBeTruthy();
    fireEvent.click(within(road).getByRole('button', { name: 'Remove point 1' }));
    expect(last.road).toBe('5 6 100 3');
    fireEvent.click(within(road).getByRole('button', { name: 'Remove point 1' }));
    expect(last.road).toBeUndefined();
  });
});
