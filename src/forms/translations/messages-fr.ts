// Validation messages in French, loaded with the French pack only.
import { MAX_GEO_POINTS } from '../geo';
import type { ValidationMessages } from '../messages';

const characters = (n: number) => `${n} ${n < 2 ? 'caractère' : 'caractères'}`;
const options = (n: number) => `${n} ${n < 2 ? 'option' : 'options'}`;

/** Every validation message in French. */
export const FRENCH_MESSAGES: ValidationMessages = {
  required: 'Veuillez répondre à cette question.',
  notApplicable: 'Compte tenu des réponses précédentes, cette question ne s’applique pas\u00a0: laissez-la vide.',
  unknownQuestion: 'Cette question ne fait pas partie de ce formulaire.',
  text: 'Saisissez du texte.',
  tooShort: (n) => `Saisissez au moins ${characters(n)}.`,
  tooLong: (n) => `Saisissez au plus ${characters(n)}.`,
  number: 'Saisissez un nombre.',
  integer: 'Saisissez un nombre entier.',
  tooSmall: (n) => `Saisissez un nombre supérieur ou égal à ${n}.`,
  tooLarge: (n) => `Saisissez un nombre inférieur ou égal à ${n}.`,
  date: 'Saisissez une date réelle au format AAAA-MM-JJ.',
  option: 'Choisissez l’une des options proposées.',
  duplicateChoice: 'Chaque option ne peut être choisie qu’une seule fois.',
  tooFewChoices: (n) => `Choisissez au moins ${options(n)}.`,
  tooManyChoices: (n) => `Choisissez au plus ${options(n)}.`,
  yesno: 'Répondez par oui ou par non.',
  likert: 'Choisissez un point de 1 (pas du tout d’accord) à 5 (tout à fait d’accord).',
  constraint: 'Cette réponse n’est pas acceptée.',
  time: 'Saisissez une heure au format hh:mm.',
  dateTime: 'Saisissez une date et une heure.',
  acknowledge: 'Cochez la case pour confirmer.',
  geopoint: 'Saisissez un lieu\u00a0: une latitude de -90 à 90, une longitude de -180 à 180 et, si elle est donnée, une précision de 0 ou plus.',
  geotrace: `Saisissez une ligne de 2 à ${MAX_GEO_POINTS} points, chacun un lieu valide.`,
  attachment: 'Choisissez à nouveau le fichier : cette réponse ne nomme pas un fichier joint.',
  geoshape: `Saisissez une zone d’au moins 3 points différents (jusqu’à ${MAX_GEO_POINTS}), chacun un lieu valide.`,
  repeat: 'Ceci doit être une liste d’entrées.',
  tooManyInstances: (n) => `Ajoutez au plus ${n} entrées.`,
  instanceCount: (n) => `Il faut exactement ${n} ${n === 1 ? 'entrée' : 'entrées'}.`,
  offStep: (step, start) => `Saisissez une valeur par pas de ${step} à partir de ${start}.`,
};
