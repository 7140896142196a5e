// The words that name each of the four sex codes in option ids and labels, in the languages
// Fieldbook's forms are written in (English, French, Spanish, Portuguese, Swahili, Arabic).
// Written as people write them: sex.ts folds case, accents and punctuation before comparing.
// Single letters (F, M, H) are not here: they depend on the other options (see sex.ts).
import type { SEX_OPTION_IDS } from '../forms/schema';

/** One of the four codes of PRODUCT.md section 3. */
export type SexCode = (typeof SEX_OPTION_IDS)[number];

/** Whole option texts (after folding) that mean each code; a text matching no list is "not stated". */
export const SEX_WORDS: Readonly<Record<SexCode, readonly string[]>> = {
  female: [
    'female', 'females', 'woman', 'women', 'girl', 'girls', 'feminine', 'fem',
    'femme', 'femmes', 'féminin', 'féminine', 'fille', 'filles',
    'femenino', 'femenina', 'mujer', 'mujeres', 'niña', 'niñas',
    'feminino', 'mulher', 'mulheres', 'menina', 'meninas',
    'kike', 'mwanamke', 'wanawake', 'msichana',
    'أنثى', 'انثى', 'امرأة', 'نساء',
  ],
  male: [
    'male', 'males', 'man', 'men', 'boy', 'boys', 'masculine',
    'homme', 'hommes', 'masculin', 'garçon', 'garçons',
    'masculino', 'hombre', 'hombres', 'varón', 'varones', 'niño', 'niños',
    'homem', 'homens', 'menino', 'meninos',
    'kiume', 'mwanaume', 'wanaume', 'mvulana',
    'ذكر', 'رجل', 'رجال',
  ],
  other: [
    'other', 'another gender', 'non-binary', 'nonbinary', 'intersex', 'third gender', 'gender diverse',
    'autre', 'non binaire', 'intersexe', 'troisième genre',
    'otro', 'otra', 'no binario', 'no binaria', 'intersexual', 'tercer género',
    'outro', 'outra', 'não binário', 'não binária',
    'nyingine',
    'آخر', 'غير ذلك',
  ],
  prefer_not_to_say: [
    'prefer not to say', 'i prefer not to say', 'prefer not to answer', 'prefer not to disclose', 'rather not say',
    'no answer', 'no response', 'refused', 'refuse to answer', 'refused to answer', 'declined', 'declined to answer', 'decline to answer', 'not disclosed',
    'préfère ne pas répondre', 'je préfère ne pas répondre', 'préfère ne pas dire', 'ne souhaite pas répondre', 'refus', 'refuse de répondre', 'sans réponse', 'pas de réponse',
    'prefiero no decirlo', 'prefiero no decir', 'prefiero no responder', 'prefiero no contestar', 'no responde', 'no contesta', 'sin respuesta', 'se negó a responder',
    'prefiro não dizer', 'prefiro não responder', 'não respondeu', 'sem resposta', 'recusou',
    'أفضل عدم الإجابة', 'رفض الإجابة',
  ],
};

/** Question ids that name the respondent's sex by themselves (compared in lower case). */
export const SEX_QUESTION_NAMES: ReadonlySet<string> = new Set(['sex', 'gender', 'sexe', 'genre', 'sexo', 'genero', 'género']);

/**
 * Words an id may add around one of those names and still be about the respondent
 * (`respondent_sex`, `sex_of_respondent`, `resp_gender`); any other word (`child_sex`,
 * `hh_head_gender`) makes it some other person's sex, which is not the split.
 */
export const RESPONDENT_WORDS: ReadonlySet<string> = new Set(['respondent', 'respondents', 'resp', 'of', 'the', 'your', 'participant', 'interviewee']);
