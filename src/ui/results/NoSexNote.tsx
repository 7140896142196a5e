import type { Form } from '../../forms/schema';
import { t } from '../../i18n';
import { findSexSplit, isSexSplit } from '../../results/sex';

/** Why this form's results cannot be split by sex, in a sentence a coordinator can act on. */
export function noSexReason(form: Form): string {
  const found = findSexSplit(form);
  if (isSexSplit(found)) return t('The responses counted carry no readable answer to the sex question.');
  switch (found.reason) {
    case 'none':
      return t('The form has no question on the respondent’s sex (a single-choice question named “sex” or “gender”, or the one named by “sex_question” in its settings).');
    case 'named':
      return t('The form names “{id}” as its sex question (sex_question), but has no single-choice question called that.', { id: found.questionId });
    case 'ambiguous':
      return t('Several questions could be the respondent’s sex ({ids}); name one with “sex_question” in the form’s settings.', { ids: found.questionIds.join(', ') });
    case 'unreadable':
      return t('The answers of {ids} could not be read as women and men (for example “female”, “woman”, “femme”, “mujer”).', { ids: found.questionIds.join(', ') });
  }
}

/** The plain note shown instead of the split: results are totals only, and why. */
export function NoSexNote({ form }: { form: Form }) {
  return (
    <p class="no-sex-note" role="note">
      <strong>{t('These results cannot be split by sex.')}</strong> {noSexReason(form)}
    </p>
  );
}
