// Women and men compared on one answer: shares within each sex, the gap in points, the widest gap.
import { describe, expect, it } from 'vitest';
import { answerGaps, widestGap } from '../../src/results/gap';
import { formatGap } from '../../src/results/labels';
import { SEX_KEYS, type ChoiceResult } from '../../src/results/schema';

/** A per-sex array: women, men, then the rest at zero. */
const wm = (women: number, men: number) => SEX_KEYS.map((k) => (k === 'female' ? women : k === 'male' ? men : 0));
const result = (counts: [number, number][], answered: [number, number]): ChoiceResult => ({
  kind: 'choice',
  questionId: 'q',
  categories: counts.map((_, i) => `a${i}`),
  counts: counts.map(([w, m]) => wm(w, m)),
  answered: wm(...answered),
});

describe('answer gaps', () => {
  it.each<[string, ChoiceResult, (number | undefined)[]]>([
    ['women minus men, in points', result([[6, 2], [4, 3]], [10, 5]), [20, -20]],
    ['equal shares of unequal groups: no gap', result([[5, 50]], [10, 100]), [0]],
    ['no men answered: no gap', result([[3, 0]], [3, 0]), [undefined]],
    ['nobody answered: no gap', result([[0, 0]], [0, 0]), [undefined]],
  ])('%s', (_what, r, expected) => {
    expect(answerGaps(r).map((g) => g.gapPoints)).toEqual(expected);
  });

  it('gives each sex its share with its count and base', () => {
    expect(answerGaps(result([[1, 3]], [4, 4]))[0]).toEqual({ code: 'a0', women: { count: 1, base: 4, percent: 25 }, men: { count: 3, base: 4, percent: 75 }, gapPoints: -50 });
  });

  it.each<[string, ChoiceResult, string | undefined]>([
    ['the widest either way', result([[6, 5], [1, 4], [3, 1]], [10, 10]), 'a1'],
    ['none when every gap rounds to zero', result([[1, 1]], [1000, 1001]), undefined],
    ['none when no gap can be measured', result([[1, 0]], [1, 0]), undefined],
  ])('widest gap: %s', (_what, r, expected) => {
    expect(widestGap(answerGaps(r))?.code).toBe(expected);
  });

  it.each<[number, string]>([
    [20, '+20 points'],
    [-3.4, '-3 points'],
    [1, '+1 point'],
    [-0.2, '0 points'],
  ])('writes a gap of %s as "%s"', (points, text) => {
    expect(formatGap(points)).toBe(text);
  });
});
