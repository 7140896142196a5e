// Women and men compared on one choice question: the share of each sex choosing each answer
// (within that sex, so groups of different sizes compare), and the gap between the two shares
// in percentage points, women minus men: what a gender analyst reads first. Pure.
import { SEX_KEYS, type ChoiceResult } from './schema';

const FEMALE = SEX_KEYS.indexOf('female');
const MALE = SEX_KEYS.indexOf('male');

/** Respondents of one sex choosing an answer, out of those of that sex who answered. */
export interface Share {
  count: number;
  base: number;
  /** 0 to 100, unrounded; undefined when nobody of that sex answered. */
  percent: number | undefined;
}

/** One answer, women and men compared. */
export interface AnswerGap {
  code: string;
  women: Share;
  men: Share;
  /** Women's percent minus men's (positive: more women chose it); undefined when either base is 0. */
  gapPoints: number | undefined;
}

/** A share of a base, in percent (undefined without a base). */
export function shareOf(count: number, base: number): Share {
  return { count, base, percent: base > 0 ? (count / base) * 100 : undefined };
}

/** Each answer of a choice result, in its order, with women's and men's shares and the gap. */
export function answerGaps(result: ChoiceResult): AnswerGap[] {
  const womenBase = result.answered[FEMALE] ?? 0;
  const menBase = result.answered[MALE] ?? 0;
  return result.categories.map((code, c) => {
    const women = shareOf(result.counts[c]?.[FEMALE] ?? 0, womenBase);
    const men = shareOf(result.counts[c]?.[MALE] ?? 0, menBase);
    const gapPoints = women.percent !== undefined && men.percent !== undefined ? women.percent - men.percent : undefined;
    return { code, women, men, gapPoints };
  });
}

/** The answer with the widest gap either way (the first of equals), if any gap can be measured and is not zero. */
export function widestGap(gaps: readonly AnswerGap[]): AnswerGap | undefined {
  let widest: AnswerGap | undefined;
  for (const g of gaps) {
    if (g.gapPoints === undefined || Math.round(Math.abs(g.gapPoints)) === 0) continue;
    if (!widest || Math.abs(g.gapPoints) > Math.abs(widest.gapPoints!)) widest = g;
  }
  return widest;
}
