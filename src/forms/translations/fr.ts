// French texts of the built-in forms, in IOM's French usage ("point focal pour les questions
// de genre", "intégration d'une perspective de genre", "chef de mission", "Siège", "terrain").
// French typography: a no-break space before ? ! ; : and inside « », typographic apostrophes.
import type { FormsTranslation, QuestionTranslation } from './types';

const ABOUT_YOU = 'Informations vous concernant';
const CHOOSE_ALL = 'Plusieurs réponses possibles.';
const OTHER_SPECIFY = 'Autre (veuillez préciser)';
const IF_SO_HOW = 'Si oui, comment ?';
const CARRIED_OVER = 'Conservé pour la personne suivante sur cet appareil.';
const REACHED_HINT = 'Comptez chaque personne une seule fois. Laissez vide si vous ne savez pas.';

const sex: QuestionTranslation = {
  label: 'Sexe',
  hint: 'Cette question permet de ventiler tous les résultats par sexe.',
  options: { female: 'Femme', male: 'Homme', other: 'Autre', prefer_not_to_say: 'Je préfère ne pas répondre' },
};

const region: QuestionTranslation = {
  label: 'Région',
  options: {
    africa: 'Afrique',
    americas: 'Amériques',
    asia_pacific: 'Asie et Pacifique',
    europe: 'Europe',
    middle_east: 'Moyen-Orient',
  },
};

const mission: QuestionTranslation = {
  label: 'Mission ou bureau',
  hint: 'Par exemple : OIM Bogota, MFR Dhaka, Siège.',
};

const grade: QuestionTranslation = {
  label: 'Grade',
  hint: 'Votre niveau hiérarchique.',
  options: { senior: 'Supérieur', middle: 'Intermédiaire', junior: 'Subalterne' },
};

/** Every built-in form in French. */
export const fr: FormsTranslation = {
  'project-questionnaire': {
    title: 'Questionnaire sur le projet',
    sections: {
      project: 'Informations sur le projet',
      respondent: ABOUT_YOU,
      reach: 'Personnes touchées',
      awareness: 'Sensibilisation et nouvelles activités',
      lessons: 'Enseignements et impact',
      results: 'Capacités et résultats',
    },
    questions: {
      project_title: { label: 'Titre du projet' },
      mission,
      region,
      reporting_year: {
        label: 'Année de référence',
        hint: 'L’année sur laquelle porte le rapport, par exemple 2003.',
      },
      funding_usd: {
        label: 'Financement reçu (USD)',
        hint: 'Montant reçu par le projet pour ses activités liées au genre, en dollars des États-Unis.',
      },
      constraints_encountered: {
        label: 'Contraintes rencontrées',
        hint: 'Écrivez « aucune » s’il n’y en a pas eu.',
      },
      respondent_role: {
        label: 'Votre rôle dans le projet',
        hint: 'Par exemple : responsable du projet, point focal pour les questions de genre.',
      },
      sex,
      women_reached: { label: 'Nombre de femmes touchées par le projet', hint: REACHED_HINT },
      men_reached: { label: 'Nombre d’hommes touchés par le projet', hint: REACHED_HINT },
      q1_raised_awareness: {
        label:
          'La mise en œuvre de votre projet a-t-elle contribué à sensibiliser davantage vos partenaires aux questions de genre, y compris le personnel de l’administration publique ou de la mission, au-delà des personnes directement associées au projet ?',
      },
      q1_how: { label: IF_SO_HOW },
      q2_further_activities: {
        label:
          'L’allocation prélevée sur le revenu discrétionnaire devant servir à appuyer d’autres initiatives liées au genre, la mise en œuvre du projet a-t-elle donné lieu à d’autres activités ou projets dans ce domaine ?',
      },
      q2_which: { label: 'Si oui, de quelles activités ou de quels projets s’agit-il ?' },
      q3_encouraged: {
        label:
          'Au cours de la mise en œuvre de ce projet, avez-vous trouvé des encouragements à développer davantage d’activités intégrant une perspective de genre ?',
      },
      q3_encouraged_how: {
        label: IF_SO_HOW,
        hint: 'Par exemple : de la part de qui, ou grâce à quel aspect du projet.',
      },
      q3_constraints: {
        label:
          'Avez-vous rencontré des contraintes manifestement liées au fait qu’il s’agissait d’un projet typiquement axé sur le genre ?',
      },
      q3_constraints_which: { label: 'Si oui, lesquelles ?' },
      q4_lessons_learned: {
        label:
          'Le projet avait pour principaux objectifs de renforcer l’engagement de l’Organisation à examiner un ensemble de questions liées au genre, d’intégrer une perspective de genre dans la planification et les activités opérationnelles de l’OIM, et de servir de modèle pour l’élaboration d’autres projets intégrant cette perspective. Quels enseignements en avez-vous tirés à cet égard ?',
      },
      q5_balanced_impact: {
        label: 'Pensez-vous que votre projet ait eu un impact équilibré sur les hommes et sur les femmes ?',
      },
      q5_relationship: { label: 'Si oui, quel a été le rapport entre les deux ?' },
      q6_enhanced_capacity: {
        label:
          'Avez-vous le sentiment que la mise en œuvre de cette initiative a renforcé votre capacité à concevoir et à mettre en œuvre des projets intégrant une perspective de genre ?',
      },
      q6_capacity_how: { label: IF_SO_HOW },
      q6_network_increased: {
        label:
          'Dans le même ordre d’idées, votre réseau de contacts sur les questions de genre s’est-il élargi grâce au projet ?',
      },
      q6_network_with_whom: {
        label: 'Si oui, avec qui ?',
        hint: 'Par exemple : administrations publiques, ONG, autres missions ou organismes.',
      },
      q7_successful: {
        label: 'Estimez-vous que le projet a été une réussite du point de vue de l’intégration d’une perspective de genre ?',
      },
      q7_why: { label: 'Pour quelles raisons ?' },
      q8_more_data: {
        label:
          'La mise en œuvre du projet vous a-t-elle permis de réunir davantage de données pertinentes sur les questions de genre, susceptibles de vous aider à concevoir des outils novateurs pour répondre aux besoins des migrants ?',
      },
      q8_which_data: {
        label: 'Si oui, de quelles données s’agit-il, et quels outils pourraient-elles aider à concevoir ?',
      },
    },
  },

  'gender-sensitivity': {
    title: 'Enquête sur la sensibilisation du personnel aux questions de genre',
    sections: {
      about_you: ABOUT_YOU,
      knowledge: 'Connaissances et pratiques',
      views: 'Votre opinion',
      obstacles_and_suggestions: 'Obstacles et suggestions',
    },
    questions: {
      sex,
      grade,
      duty_station: {
        label: 'Travaillez-vous au Siège ou sur le terrain ?',
        options: { headquarters: 'Siège', field: 'Terrain' },
      },
      region: { ...region, label: 'Région de votre lieu d’affectation' },
      years_of_service: {
        label: 'Années de service au sein de l’Organisation',
        hint: 'En années révolues ; 0 si moins d’un an.',
      },
      is_gender_focal_point: { label: 'Êtes-vous point focal pour les questions de genre ?' },
      aware_gender_policy: {
        label:
          'Connaissez-vous la politique en matière de genre concernant le personnel et les programmes, adoptée par le Conseil en 1995 ?',
      },
      gender_training: { label: 'Avez-vous suivi une formation sur les questions de genre ?' },
      gender_training_details: { label: 'Laquelle, et en quelle année ?' },
      induction_gender_session: {
        label: 'Votre programme d’information ou d’initiation comprenait-il une séance sur les questions de genre ?',
        hint: 'Répondez « non » si vous n’avez suivi aucun programme d’information ou d’initiation.',
      },
      project_gender_analysis: {
        label:
          'Au cours des 12 derniers mois, avez-vous intégré une analyse de genre ou une budgétisation sensible au genre dans un projet ?',
      },
      view_analysis_benefits: {
        label: 'Analyser la dimension de genre des projets profite aux migrantes comme aux migrants.',
      },
      view_mainstreaming_automatic: {
        label: 'Dans mon bureau, l’intégration d’une perspective de genre se fait de manière automatique.',
      },
      view_supervisor_support: {
        label: 'Ma hiérarchie directe soutient la prise en compte des questions de genre dans mon travail.',
      },
      view_equal_career: {
        label: 'Les femmes et les hommes ont les mêmes possibilités d’évolution de carrière au sein de l’Organisation.',
      },
      view_vacancy_notices: { label: 'Les avis de vacance de poste parviennent aux femmes qualifiées.' },
      view_know_gfp: { label: 'Je sais qui est le point focal pour les questions de genre de mon bureau.' },
      view_indicators_by_sex: {
        label: 'Les projets de mon bureau comportent des indicateurs de performance ventilés par sexe.',
      },
      obstacles: {
        label: 'Qu’est-ce qui fait obstacle à l’intégration d’une perspective de genre dans votre travail ?',
        hint: CHOOSE_ALL,
        options: {
          lack_of_time: 'Manque de temps',
          lack_of_training: 'Manque de formation',
          lack_of_funding: 'Manque de financement',
          lack_of_management_support: 'Manque de soutien de la direction',
          lack_of_data: 'Manque de données ventilées par sexe',
          lack_of_tools: 'Manque d’outils pratiques ou de lignes directrices',
          not_a_priority: 'Les questions de genre ne sont pas considérées comme prioritaires',
          other: 'Autre',
        },
      },
      obstacles_other: { label: OTHER_SPECIFY },
      suggestions: {
        label: 'Que devrait faire l’Organisation pour répondre aux problèmes soulevés dans cette enquête ?',
      },
    },
  },

  'workshop-feedback': {
    title: 'Évaluation de l’atelier',
    sections: {
      workshop: 'L’atelier',
      participant: ABOUT_YOU,
      aims: 'Objectifs de l’atelier',
      future: 'Prochaines sessions',
    },
    questions: {
      workshop_name: { label: 'Intitulé de l’atelier', hint: CARRIED_OVER },
      workshop_date: { label: 'Date', hint: CARRIED_OVER },
      workshop_place: { label: 'Lieu', hint: CARRIED_OVER },
      sex,
      role: {
        label: 'Vous participez en tant que',
        options: {
          staff: 'Membre du personnel',
          government_counterpart: 'Homologue gouvernemental',
          ngo: 'ONG',
          other: 'Autre',
        },
      },
      role_other: { label: OTHER_SPECIFY },
      grade,
      aim_gender_sensitivity: {
        label: 'L’atelier a renforcé ma sensibilité aux questions de genre en général.',
      },
      aim_regional_insight: {
        label: 'L’atelier a donné un aperçu concret de l’intégration d’une perspective de genre dans une optique régionale.',
      },
      aim_professional_women: {
        label:
          'L’atelier m’a apporté un éclairage nouveau sur les questions et les défis auxquels sont confrontées les femmes cadres du secteur public.',
      },
      training_yearly: {
        label: 'Des formations de ce type devraient-elles être organisées au moins une fois par an ?',
      },
      future_topics: {
        label: 'Quels thèmes les prochaines sessions devraient-elles aborder ?',
        hint: CHOOSE_ALL,
        options: {
          hiv_aids: 'VIH/sida',
          counter_trafficking: 'Lutte contre la traite des personnes',
          integration: 'Intégration',
          post_conflict: 'Activités d’après-conflit',
          unaccompanied_minors: 'Mineurs non accompagnés',
          male_migrant_perspective: 'Le point de vue des hommes migrants',
          gender_budgeting: 'Budgétisation sensible au genre',
          other: 'Autre',
        },
      },
      future_topics_other: { label: OTHER_SPECIFY },
      comments: { label: 'Commentaires' },
    },
  },

  'gfp-constraints': {
    title: 'Enquête sur les contraintes rencontrées par les points focaux pour les questions de genre',
    sections: {
      about: 'Vous et votre mission',
      support: 'Soutien et contraintes',
      training_network: 'Formation et réseaux',
    },
    questions: {
      mission,
      region,
      sex,
      working_time_percent: {
        label: 'Part de votre temps de travail consacrée à vos fonctions de point focal pour les questions de genre (en pourcentage)',
        hint: 'Une estimation suffit : 10 correspond à un dixième de votre temps.',
      },
      com_support: {
        label: 'Mon ou ma chef de mission soutient mon action en tant que point focal pour les questions de genre.',
      },
      constraints: {
        label:
          'Quelles contraintes et quels obstacles ont entravé vos efforts d’intégration d’une perspective de genre au sein de votre mission ?',
        hint: CHOOSE_ALL,
        options: {
          lack_of_time: 'Trop peu de temps pour les fonctions de point focal',
          lack_of_funding: 'Aucun budget pour les activités liées au genre',
          lack_of_training: 'Manque de formation',
          lack_of_management_support: 'Manque de soutien de la direction',
          low_priority: 'Les questions de genre sont peu prioritaires au sein de la mission',
          isolation: 'Pas d’autres points focaux pour les questions de genre avec qui travailler',
          lack_of_guidance: 'Manque d’orientations ou d’informations de la part du Siège',
          other: 'Autre',
        },
      },
      constraints_other: { label: OTHER_SPECIFY },
      gfp_training: {
        label: 'Avez-vous reçu une formation pour exercer vos fonctions de point focal pour les questions de genre ?',
      },
      gfp_training_details: { label: 'Quelle formation, à quelle date, et dispensée par qui ?' },
      regional_network: {
        label: 'Participez-vous à un réseau régional de points focaux pour les questions de genre ?',
        hint: 'Par exemple, les réseaux régionaux d’Afrique et des Amériques.',
      },
      regional_network_name: { label: 'Quel réseau ?' },
      what_would_help: {
        label: 'Qu’est-ce qui vous aiderait le plus dans votre travail de point focal pour les questions de genre ?',
      },
    },
  },
};
