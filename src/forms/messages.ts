import { MAX_GEO_POINTS } from './geo';

/** Words of validation errors, kept apart so another language can supply its own. */
export interface ValidationMessages {
  required: string;
  notApplicable: string;
  unknownQuestion: string;
  text: string;
  tooShort: (n: number) => string;
  tooLong: (n: number) => string;
  number: string;
  integer: string;
  tooSmall: (n: number) => string;
  tooLarge: (n: number) => string;
  date: string;
  option: string;
  duplicateChoice: string;
  tooFewChoices: (n: number) => string;
  tooManyChoices: (n: number) => string;
  yesno: string;
  likert: string;
  /** A constraint rejected the answer and the form gives no message of its own. */
  constraint: string;
  time: string;
  dateTime: string;
  acknowledge: string;
  geopoint: string;
  geotrace: string;
  geoshape: string;
  /** A media answer is not the name of an attached file. */
  attachment: string;
  /** A repeat's value is not a list of instances. */
  repeat: string;
  tooManyInstances: (n: number) => string;
  /** The repeat's count asks for this many instances. */
  instanceCount: (n: number) => string;
  /** A range's answer is between its ends but not a whole number of steps from its start. */
  offStep: (step: number, start: number) => string;
}

export const ENGLISH_MESSAGES: ValidationMessages = {
  required: 'This question needs an answer.',
  notApplicable: 'This question does not apply given the earlier answers, so it must be left empty.',
  unknownQuestion: 'This is not a question of this form.',
  text: 'Enter text.',
  tooShort: (n) => `Enter at least ${n} ${n === 1 ? 'character' : 'characters'}.`,
  tooLong: (n) => `Enter at most ${n} ${n === 1 ? 'character' : 'characters'}.`,
  number: 'Enter a number.',
  integer: 'Enter a whole number.',
  tooSmall: (n) => `Enter a number of at least ${n}.`,
  tooLarge: (n) => `Enter a number of at most ${n}.`,
  date: 'Enter a real date as YYYY-MM-DD.',
  option: 'Choose one of the options given.',
  duplicateChoice: 'Each option can be chosen only once.',
  tooFewChoices: (n) => `Choose at least ${n}.`,
  tooManyChoices: (n) => `Choose at most ${n}.`,
  yesno: 'Answer yes or no.',
  likert: 'Choose a point from 1 (strongly disagree) to 5 (strongly agree).',
  constraint: 'This answer is not accepted.',
  time: 'Enter a time as hh:mm.',
  dateTime: 'Enter a date and time.',
  acknowledge: 'Tick the box to acknowledge.',
  geopoint: 'Enter a location: a latitude from -90 to 90, a longitude from -180 to 180, and an accuracy of 0 or more if given.',
  geotrace: `Enter a line of 2 to ${MAX_GEO_POINTS} points, each a valid location.`,
  geoshape: `Enter an area of at least 3 different points (up to ${MAX_GEO_POINTS}), each a valid location.`,
  attachment: 'Choose the file again: this answer does not name an attached file.',
  repeat: 'This must be a list of entries.',
  tooManyInstances: (n) => `Add at most ${n} entries.`,
  instanceCount: (n) => `This needs exactly ${n} ${n === 1 ? 'entry' : 'entries'}.`,
  offStep: (step, start) => `Enter a value in steps of ${step} from ${start}.`,
};
