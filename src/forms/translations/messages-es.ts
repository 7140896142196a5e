// Validation messages in Spanish, loaded with the Spanish pack only.
import { MAX_GEO_POINTS } from '../geo';
import type { ValidationMessages } from '../messages';

const characters = (n: number) => `${n} ${n === 1 ? 'carácter' : 'caracteres'}`;
const options = (n: number) => `${n} ${n === 1 ? 'opción' : 'opciones'}`;

/** Every validation message in Spanish. */
export const SPANISH_MESSAGES: ValidationMessages = {
  required: 'Responda a esta pregunta.',
  notApplicable: 'Según las respuestas anteriores, esta pregunta no corresponde: déjela en blanco.',
  unknownQuestion: 'Esta pregunta no forma parte de este formulario.',
  text: 'Escriba un texto.',
  tooShort: (n) => `Escriba al menos ${characters(n)}.`,
  tooLong: (n) => `Escriba como máximo ${characters(n)}.`,
  number: 'Escriba un número.',
  integer: 'Escriba un número entero.',
  tooSmall: (n) => `Escriba un número igual o mayor que ${n}.`,
  tooLarge: (n) => `Escriba un número igual o menor que ${n}.`,
  date: 'Escriba una fecha real con el formato AAAA-MM-DD.',
  option: 'Elija una de las opciones propuestas.',
  duplicateChoice: 'Cada opción solo se puede elegir una vez.',
  tooFewChoices: (n) => `Elija al menos ${options(n)}.`,
  tooManyChoices: (n) => `Elija como máximo ${options(n)}.`,
  yesno: 'Responda sí o no.',
  likert: 'Elija un punto del 1 (totalmente en desacuerdo) al 5 (totalmente de acuerdo).',
  constraint: 'Esta respuesta no se acepta.',
  time: 'Introduzca una hora con el formato hh:mm.',
  dateTime: 'Introduzca una fecha y una hora.',
  acknowledge: 'Marque la casilla para confirmar.',
  geopoint: 'Introduzca una ubicación: una latitud de -90 a 90, una longitud de -180 a 180 y, si se indica, una precisión de 0 o más.',
  geotrace: `Introduzca una línea de 2 a ${MAX_GEO_POINTS} puntos, cada uno una ubicación válida.`,
  attachment: 'Vuelva a elegir el archivo: esta respuesta no nombra un archivo adjunto.',
  geoshape: `Introduzca un área de al menos 3 puntos distintos (hasta ${MAX_GEO_POINTS}), cada uno una ubicación válida.`,
  repeat: 'Esto debe ser una lista de entradas.',
  tooManyInstances: (n) => `Agregue como máximo ${n} entradas.`,
  instanceCount: (n) => `Se necesitan exactamente ${n} ${n === 1 ? 'entrada' : 'entradas'}.`,
  offStep: (step, start) => `Escriba un valor en pasos de ${step} a partir de ${start}.`,
};
