// Writes examples/career-development.xlsx: the career development survey by gender that the
// report plans with Human Resources (grade and step, years at grade, promotions and applications,
// training and mobility, perceived obstacles, and the respondent's sex), as an XLSForm in English
// with French and Spanish labels. Run: npx tsx scripts/make-career-example.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodeXlsx } from '../src/forms/xlsform/xlsx-file';

/** A text in English, French and Spanish. */
type T3 = readonly [en: string, fr: string, es: string];

interface Row {
  type: string;
  name?: string;
  label?: T3;
  hint?: T3;
  required?: 'yes';
  relevant?: string;
  constraint?: string;
  message?: T3;
  appearance?: string;
}

const group = (name: string, label: T3): Row => ({ type: 'begin_group', name, label });
const end: Row = { type: 'end_group' };
const LAST_5 = 'In the past five years.';

const SURVEY: Row[] = [
  group('about_you', ['About you', 'À propos de vous', 'Sobre usted']),
  { type: 'select_one sex', name: 'respondent_sex', label: ['Sex', 'Sexe', 'Sexo'], hint: ['Asked so that every result can be broken down by sex.', 'Demandé pour que chaque résultat puisse être ventilé par sexe.', 'Se pregunta para que cada resultado pueda desglosarse por sexo.'], required: 'yes' },
  { type: 'select_one duty_station', name: 'duty_station', label: ['Where do you work?', 'Où travaillez-vous ?', '¿Dónde trabaja?'], required: 'yes' },
  { type: 'select_one grade', name: 'grade', label: ['Grade', 'Classe', 'Categoría'], required: 'yes' },
  { type: 'integer', name: 'step', label: ['Step within your grade', 'Échelon dans votre classe', 'Escalón dentro de su categoría'], constraint: '. >= 1 and . <= 15', message: ['A step is from 1 to 15.', "L'échelon va de 1 à 15.", 'El escalón va de 1 a 15.'] },
  { type: 'integer', name: 'years_at_grade', label: ['Years at your current grade', 'Années dans votre classe actuelle', 'Años en su categoría actual'], required: 'yes', constraint: '. >= 0 and . <= 40', message: ['From 0 to 40 years.', 'De 0 à 40 ans.', 'De 0 a 40 años.'] },
  { type: 'integer', name: 'years_of_service', label: ['Years with the Organization', "Années au sein de l'Organisation", 'Años en la Organización'], required: 'yes', constraint: '. >= ${years_at_grade} and . <= 45', message: ['Cannot be fewer than your years at your current grade.', 'Ne peut être inférieur à vos années dans votre classe actuelle.', 'No puede ser inferior a sus años en su categoría actual.'] },
  end,
  group('promotions_applications', ['Promotions and applications', 'Promotions et candidatures', 'Ascensos y candidaturas']),
  { type: 'integer', name: 'promotions', label: ['How many times have you been promoted?', "Combien de fois avez-vous été promu·e ?", '¿Cuántas veces ha sido ascendido/a?'], hint: [LAST_5, 'Au cours des cinq dernières années.', 'En los últimos cinco años.'], constraint: '. >= 0 and . <= 10', message: ['From 0 to 10.', 'De 0 à 10.', 'De 0 a 10.'] },
  { type: 'select_one yes_no', name: 'applied', label: ['Have you applied for a post at a higher grade?', 'Avez-vous postulé à un poste de classe supérieure ?', '¿Ha presentado su candidatura a un puesto de categoría superior?'], hint: [LAST_5, 'Au cours des cinq dernières années.', 'En los últimos cinco años.'], required: 'yes' },
  { type: 'integer', name: 'applications', label: ['How many applications?', 'Combien de candidatures ?', '¿Cuántas candidaturas?'], relevant: "${applied} = 'yes'", required: 'yes', constraint: '. >= 1 and . <= 100', message: ['From 1 to 100.', 'De 1 à 100.', 'De 1 a 100.'] },
  { type: 'integer', name: 'shortlisted', label: ['How many times were you shortlisted?', 'Combien de fois avez-vous été présélectionné·e ?', '¿Cuántas veces fue preseleccionado/a?'], relevant: "${applied} = 'yes'", constraint: '. >= 0 and . <= ${applications}', message: ['Cannot be more than your applications.', 'Ne peut dépasser le nombre de vos candidatures.', 'No puede superar el número de sus candidaturas.'] },
  { type: 'select_multiple vacancy_sources', name: 'vacancy_sources', label: ['How do you learn of vacancy notices?', 'Comment apprenez-vous les avis de vacance de poste ?', '¿Cómo se entera de los anuncios de vacantes?'], hint: ['Choose all that apply.', 'Choisissez toutes les réponses qui conviennent.', 'Elija todas las que correspondan.'] },
  { type: 'select_multiple no_application', name: 'why_not_applied', label: ['Why have you not applied?', "Pourquoi n'avez-vous pas postulé ?", '¿Por qué no ha presentado su candidatura?'], relevant: "${applied} = 'no'" },
  end,
  group('training_mobility', ['Training and mobility', 'Formation et mobilité', 'Formación y movilidad']),
  { type: 'integer', name: 'training_days', label: ['Days of training in the past 12 months', 'Jours de formation au cours des 12 derniers mois', 'Días de formación en los últimos 12 meses'], constraint: '. >= 0 and . <= 100', message: ['From 0 to 100 days.', 'De 0 à 100 jours.', 'De 0 a 100 días.'] },
  { type: 'select_multiple training', name: 'training_kinds', label: ['Which kinds of training?', 'Quels types de formation ?', '¿Qué tipos de formación?'], relevant: '${training_days} > 0' },
  { type: 'integer', name: 'reassignments', label: ['How many times have you changed duty station?', "Combien de fois avez-vous changé de lieu d'affectation ?", '¿Cuántas veces ha cambiado de lugar de destino?'], hint: [LAST_5, 'Au cours des cinq dernières années.', 'En los últimos cinco años.'], constraint: '. >= 0 and . <= 20', message: ['From 0 to 20.', 'De 0 à 20.', 'De 0 a 20.'] },
  { type: 'select_one willing', name: 'mobility', label: ['Would you accept a post at another duty station?', "Accepteriez-vous un poste dans un autre lieu d'affectation ?", '¿Aceptaría un puesto en otro lugar de destino?'] },
  { type: 'select_multiple mobility_barriers', name: 'mobility_barriers', label: ['What holds you back?', 'Qu’est-ce qui vous retient ?', '¿Qué se lo impide?'], relevant: "${mobility} != '' and ${mobility} != 'yes'" },
  end,
  group('perceived_obstacles', ['Perceived obstacles', 'Obstacles perçus', 'Obstáculos percibidos']),
  { type: 'select_multiple obstacles', name: 'career_obstacles', label: ['What has stood in the way of your career?', "Qu'est-ce qui a freiné votre carrière ?", '¿Qué ha frenado su carrera?'], required: 'yes', constraint: "not(selected(., 'none') and count-selected(.) > 1)", message: ['"None" cannot be chosen with another answer.', '« Aucun » ne peut être choisi avec une autre réponse.', '«Ninguno» no puede elegirse junto con otra respuesta.'] },
  { type: 'select_one agree', name: 'equal_chances', label: ['Women and men have equal chances of promotion in my office.', 'Les femmes et les hommes ont les mêmes chances de promotion dans mon bureau.', 'Las mujeres y los hombres tienen las mismas oportunidades de ascenso en mi oficina.'], appearance: 'likert' },
  { type: 'select_one yes_no', name: 'has_mentor', label: ['Do you have a mentor?', 'Avez-vous un mentor ?', '¿Tiene usted un mentor?'] },
  { type: 'text', name: 'suggestions', label: ['What would help your career develop?', "Qu'est-ce qui aiderait votre carrière à progresser ?", '¿Qué ayudaría a que su carrera progrese?'], appearance: 'multiline' },
  end,
];

const CHOICES: Record<string, [string, T3][]> = {
  sex: [
    ['female', ['Female', 'Femme', 'Mujer']],
    ['male', ['Male', 'Homme', 'Hombre']],
    ['other', ['Other', 'Autre', 'Otro']],
    ['prefer_not_to_say', ['Prefer not to say', 'Préfère ne pas répondre', 'Prefiere no responder']],
  ],
  duty_station: [
    ['headquarters', ['Headquarters', 'Siège', 'Sede']],
    ['field', ['Field', 'Terrain', 'Terreno']],
  ],
  grade: [
    ['g1_g4', ['General Service, G-1 to G-4', 'Services généraux, G-1 à G-4', 'Servicios Generales, G-1 a G-4']],
    ['g5_g7', ['General Service, G-5 to G-7', 'Services généraux, G-5 à G-7', 'Servicios Generales, G-5 a G-7']],
    ['p1_p2', ['Professional, P-1 or P-2', 'Administrateur, P-1 ou P-2', 'Profesional, P-1 o P-2']],
    ['p3', ['Professional, P-3', 'Administrateur, P-3', 'Profesional, P-3']],
    ['p4', ['Professional, P-4', 'Administrateur, P-4', 'Profesional, P-4']],
    ['p5', ['Professional, P-5', 'Administrateur, P-5', 'Profesional, P-5']],
    ['d1_d2', ['Director, D-1 or D-2', 'Directeur, D-1 ou D-2', 'Director, D-1 o D-2']],
  ],
  yes_no: [
    ['yes', ['Yes', 'Oui', 'Sí']],
    ['no', ['No', 'Non', 'No']],
  ],
  vacancy_sources: [
    ['intranet', ['The intranet', "L'intranet", 'La intranet']],
    ['supervisor', ['My supervisor', 'Mon ou ma supérieur·e', 'Mi supervisor/a']],
    ['gender_focal_point', ['A Gender Focal Point', 'Un point focal pour les questions de genre', 'Un punto focal de género']],
    ['colleagues', ['Colleagues', 'Des collègues', 'Colegas']],
    ['women_watch', ['The Women Watch web site', 'Le site Women Watch', 'El sitio web Women Watch']],
  ],
  no_application: [
    ['no_vacancy', ['No suitable vacancy', 'Aucun poste adapté', 'Ninguna vacante adecuada']],
    ['not_eligible', ['Not eligible', 'Non admissible', 'No reunía los requisitos']],
    ['family', ['Family responsibilities', 'Responsabilités familiales', 'Responsabilidades familiares']],
    ['discouraged', ['Discouraged by my supervisor', 'Découragé·e par ma hiérarchie', 'Desalentado/a por mi supervisor/a']],
    ['no_chance', ['I did not think I would be selected', "Je ne pensais pas être retenu·e", 'No pensé que me seleccionarían']],
  ],
  training: [
    ['management', ['Management and leadership', 'Gestion et leadership', 'Gestión y liderazgo']],
    ['technical', ['Technical or specialised', 'Technique ou spécialisée', 'Técnica o especializada']],
    ['languages', ['Languages', 'Langues', 'Idiomas']],
    ['gender', ['Gender issues', 'Questions de genre', 'Cuestiones de género']],
  ],
  willing: [
    ['yes', ['Yes', 'Oui', 'Sí']],
    ['depends', ['It depends on the post', 'Cela dépend du poste', 'Depende del puesto']],
    ['no', ['No', 'Non', 'No']],
  ],
  mobility_barriers: [
    ['partner_employment', ["My partner's employment", "L'emploi de mon ou ma partenaire", 'El empleo de mi pareja']],
    ['children', ["Children's schooling", 'La scolarité des enfants', 'La escolarización de los hijos']],
    ['care', ['Caring for relatives', 'Des proches à charge', 'El cuidado de familiares']],
    ['hardship', ['Hardship or security of duty stations', "La pénibilité ou l'insécurité des lieux d'affectation", 'Dureza o inseguridad de los lugares de destino']],
    ['health', ['Health', 'La santé', 'La salud']],
  ],
  obstacles: [
    ['family', ['Family responsibilities', 'Responsabilités familiales', 'Responsabilidades familiares']],
    ['mentoring', ['No mentoring', 'Absence de mentorat', 'Falta de mentoría']],
    ['training', ['Too little training', 'Trop peu de formation', 'Poca formación']],
    ['selection', ['How posts are filled', 'La façon dont les postes sont pourvus', 'La forma de cubrir los puestos']],
    ['stereotypes', ['Stereotypes about women or men', 'Les stéréotypes sur les femmes ou les hommes', 'Los estereotipos sobre mujeres u hombres']],
    ['contract', ['My type of contract', 'Mon type de contrat', 'Mi tipo de contrato']],
    ['none', ['None', 'Aucun', 'Ninguno']],
  ],
  agree: [
    ['strongly_disagree', ['Strongly disagree', "Pas du tout d'accord", 'Totalmente en desacuerdo']],
    ['disagree', ['Disagree', "Pas d'accord", 'En desacuerdo']],
    ['neutral', ['Neither agree nor disagree', "Ni d'accord ni pas d'accord", 'Ni de acuerdo ni en desacuerdo']],
    ['agree', ['Agree', "D'accord", 'De acuerdo']],
    ['strongly_agree', ['Strongly agree', "Tout à fait d'accord", 'Totalmente de acuerdo']],
  ],
};

const LANGS = ['English (en)', 'Français (fr)', 'Español (es)'];
const three = (t: T3 | undefined) => [...(t ?? ['', '', ''])];

/** The three sheets of the example, as rows of text. */
export function careerSheets() {
  const survey = [
    ['type', 'name', ...LANGS.map((l) => `label::${l}`), ...LANGS.map((l) => `hint::${l}`), 'required', 'relevant', 'constraint', ...LANGS.map((l) => `constraint_message::${l}`), 'appearance'],
    ...SURVEY.map((r) => [r.type, r.name ?? '', ...three(r.label), ...three(r.hint), r.required ?? '', r.relevant ?? '', r.constraint ?? '', ...three(r.message), r.appearance ?? '']),
  ];
  const choices = [['list_name', 'name', ...LANGS.map((l) => `label::${l}`)], ...Object.entries(CHOICES).flatMap(([list, options]) => options.map(([name, label]) => [list, name, ...label]))];
  const settings = [
    ['form_id', 'form_title', 'default_language', 'sex_question'],
    ['career_development', 'Career development survey by gender', 'English (en)', 'respondent_sex'],
  ];
  return [
    { name: 'survey', rows: survey },
    { name: 'choices', rows: choices },
    { name: 'settings', rows: settings },
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = fileURLToPath(new URL('../examples/career-development.xlsx', import.meta.url));
  writeFileSync(target, encodeXlsx(careerSheets()));
  console.log(`wrote ${target}`);
}
