// Spanish texts of the built-in forms, in IOM's Spanish usage ("punto focal de género",
// "incorporación de la perspectiva de género", "jefe de misión", "Sede", "terreno").
// Formal "usted" throughout; questions open with "¿", quotations use « ».
import type { FormsTranslation, QuestionTranslation } from './types';

const ABOUT_YOU = 'Acerca de usted';
const CHOOSE_ALL = 'Marque todas las opciones que correspondan.';
const OTHER_SPECIFY = 'Otro (especifique)';
const IF_SO_HOW = 'En caso afirmativo, ¿cómo?';
const CARRIED_OVER = 'Se conserva para la siguiente persona que responda en este dispositivo.';
const REACHED_HINT = 'Cuente a cada persona una sola vez. Déjelo en blanco si no lo sabe.';

const sex: QuestionTranslation = {
  label: 'Sexo',
  hint: 'Esta pregunta permite desglosar todos los resultados por sexo.',
  options: { female: 'Mujer', male: 'Hombre', other: 'Otro', prefer_not_to_say: 'Prefiero no responder' },
};

const region: QuestionTranslation = {
  label: 'Región',
  options: {
    africa: 'África',
    americas: 'Las Américas',
    asia_pacific: 'Asia y el Pacífico',
    europe: 'Europa',
    middle_east: 'Oriente Medio',
  },
};

const mission: QuestionTranslation = {
  label: 'Misión u oficina',
  hint: 'Por ejemplo: OIM Bogotá, MFR Dhaka, Sede.',
};

const grade: QuestionTranslation = {
  label: 'Categoría',
  hint: 'Su nivel jerárquico.',
  options: { senior: 'Superior', middle: 'Intermedia', junior: 'Subalterna' },
};

/** Every built-in form in Spanish. */
export const es: FormsTranslation = {
  'project-questionnaire': {
    title: 'Cuestionario sobre el proyecto',
    sections: {
      project: 'Datos del proyecto',
      respondent: ABOUT_YOU,
      reach: 'Alcance del proyecto',
      awareness: 'Sensibilización y nuevas actividades',
      lessons: 'Lecciones aprendidas e impacto',
      results: 'Capacidad y resultados',
    },
    questions: {
      project_title: { label: 'Título del proyecto' },
      mission,
      region,
      reporting_year: {
        label: 'Año de referencia',
        hint: 'Año al que se refiere el informe; por ejemplo, 2003.',
      },
      funding_usd: {
        label: 'Financiación recibida (USD)',
        hint: 'Fondos que recibió el proyecto para actividades relacionadas con el género, en dólares de los Estados Unidos.',
      },
      constraints_encountered: {
        label: 'Limitaciones encontradas',
        hint: 'Escriba «ninguna» si no las hubo.',
      },
      respondent_role: {
        label: 'Su función en el proyecto',
        hint: 'Por ejemplo: responsable del proyecto, punto focal de género.',
      },
      sex,
      women_reached: { label: 'Número de mujeres a las que llegó el proyecto', hint: REACHED_HINT },
      men_reached: { label: 'Número de hombres a los que llegó el proyecto', hint: REACHED_HINT },
      q1_raised_awareness: {
        label:
          '¿Contribuyó la ejecución de su proyecto a sensibilizar aún más en materia de género a sus asociados, incluido el personal gubernamental o de la misión, más allá del personal que participa directamente en el proyecto?',
      },
      q1_how: { label: IF_SO_HOW },
      q2_further_activities: {
        label:
          'Dado que la asignación con cargo a los ingresos discrecionales tenía por objeto apoyar otras iniciativas relacionadas con el género, ¿se han derivado de la ejecución del proyecto otras actividades o proyectos en este ámbito?',
      },
      q2_which: { label: 'En caso afirmativo, ¿qué actividades o proyectos?' },
      q3_encouraged: {
        label:
          'Durante la ejecución de este proyecto, ¿encontró estímulo para seguir desarrollando actividades que incorporen la perspectiva de género?',
      },
      q3_encouraged_how: {
        label: IF_SO_HOW,
        hint: 'Por ejemplo: por parte de quién o gracias a qué aspecto del proyecto.',
      },
      q3_constraints: {
        label:
          '¿Hubo limitaciones claramente atribuibles al hecho de que se trataba de un proyecto típicamente relacionado con el género?',
      },
      q3_constraints_which: { label: 'En caso afirmativo, ¿cuáles?' },
      q4_lessons_learned: {
        label:
          'Dado que los principales objetivos del proyecto eran reforzar el compromiso de la Organización de examinar diversas cuestiones relacionadas con el género, incorporar la perspectiva de género en la planificación y las actividades operativas de la OIM, y servir de modelo para la elaboración de otros proyectos que incorporen esa perspectiva, ¿qué lecciones se aprendieron en este contexto?',
      },
      q5_balanced_impact: {
        label: '¿Considera que su proyecto tuvo un impacto equilibrado en los hombres y en las mujeres?',
      },
      q5_relationship: { label: 'En caso afirmativo, ¿cuál fue la relación entre ambos?' },
      q6_enhanced_capacity: {
        label:
          '¿Siente que la ejecución de esta iniciativa ha reforzado su capacidad para diseñar y ejecutar proyectos que incorporen la perspectiva de género?',
      },
      q6_capacity_how: { label: IF_SO_HOW },
      q6_network_increased: {
        label: 'En ese mismo sentido, ¿se ha ampliado su red de contactos sobre cuestiones de género gracias al proyecto?',
      },
      q6_network_with_whom: {
        label: 'En caso afirmativo, ¿con quiénes?',
        hint: 'Por ejemplo: oficinas gubernamentales, ONG, otras misiones u organismos.',
      },
      q7_successful: {
        label: '¿Considera que el proyecto tuvo éxito desde el punto de vista de la incorporación de la perspectiva de género?',
      },
      q7_why: { label: '¿Por qué?' },
      q8_more_data: {
        label:
          '¿Ha reunido, gracias a la ejecución del proyecto, más datos pertinentes sobre cuestiones de género que puedan ayudarle a definir herramientas innovadoras para atender las necesidades de los migrantes?',
      },
      q8_which_data: { label: 'En caso afirmativo, ¿de qué datos se trata y qué herramientas podrían ayudar a definir?' },
    },
  },

  'gender-sensitivity': {
    title: 'Encuesta al personal sobre sensibilización en materia de género',
    sections: {
      about_you: ABOUT_YOU,
      knowledge: 'Conocimientos y prácticas',
      views: 'Su opinión',
      obstacles_and_suggestions: 'Obstáculos y sugerencias',
    },
    questions: {
      sex,
      grade,
      duty_station: {
        label: '¿Trabaja usted en la Sede o sobre el terreno?',
        options: { headquarters: 'Sede', field: 'Terreno' },
      },
      region: { ...region, label: 'Región de su lugar de destino' },
      years_of_service: {
        label: 'Años de servicio en la Organización',
        hint: 'En años completos; 0 si es menos de un año.',
      },
      is_gender_focal_point: { label: '¿Es usted punto focal de género?' },
      aware_gender_policy: {
        label: '¿Conoce la política de género relativa al personal y los programas que aprobó el Consejo en 1995?',
      },
      gender_training: { label: '¿Ha participado en alguna actividad de formación sobre cuestiones de género?' },
      gender_training_details: { label: '¿Cuál y en qué año?' },
      induction_gender_session: {
        label: '¿Su programa de información o de iniciación incluyó una sesión sobre cuestiones de género?',
        hint: 'Responda «no» si no tuvo ningún programa de información o de iniciación.',
      },
      project_gender_analysis: {
        label:
          'En los últimos 12 meses, ¿ha incluido en algún proyecto un análisis de género o una presupuestación con perspectiva de género?',
      },
      view_analysis_benefits: {
        label: 'Analizar la dimensión de género de los proyectos beneficia tanto a las mujeres como a los hombres migrantes.',
      },
      view_mainstreaming_automatic: {
        label: 'En mi oficina, la incorporación de la perspectiva de género es un proceso automático.',
      },
      view_supervisor_support: {
        label: 'La persona que supervisa mi trabajo apoya que preste atención a las cuestiones de género.',
      },
      view_equal_career: {
        label: 'Las mujeres y los hombres tienen las mismas oportunidades de desarrollo profesional en la Organización.',
      },
      view_vacancy_notices: { label: 'Los anuncios de vacantes llegan a mujeres calificadas.' },
      view_know_gfp: { label: 'Sé quién es el punto focal de género de mi oficina.' },
      view_indicators_by_sex: {
        label: 'Los proyectos de mi oficina incluyen indicadores de desempeño desglosados por sexo.',
      },
      obstacles: {
        label: '¿Qué obstaculiza la incorporación de la perspectiva de género en su trabajo?',
        hint: CHOOSE_ALL,
        options: {
          lack_of_time: 'Falta de tiempo',
          lack_of_training: 'Falta de formación',
          lack_of_funding: 'Falta de financiación',
          lack_of_management_support: 'Falta de apoyo de la dirección',
          lack_of_data: 'Falta de datos desglosados por sexo',
          lack_of_tools: 'Falta de herramientas prácticas o de directrices',
          not_a_priority: 'Las cuestiones de género no se consideran prioritarias',
          other: 'Otro',
        },
      },
      obstacles_other: { label: OTHER_SPECIFY },
      suggestions: {
        label: '¿Qué debería hacer la Organización para abordar las cuestiones planteadas en esta encuesta?',
      },
    },
  },

  'workshop-feedback': {
    title: 'Evaluación del taller',
    sections: {
      workshop: 'El taller',
      participant: ABOUT_YOU,
      aims: 'Objetivos del taller',
      future: 'Próximas sesiones',
    },
    questions: {
      workshop_name: { label: 'Nombre del taller', hint: CARRIED_OVER },
      workshop_date: { label: 'Fecha', hint: CARRIED_OVER },
      workshop_place: { label: 'Lugar', hint: CARRIED_OVER },
      sex,
      role: {
        label: 'Participa en calidad de',
        options: {
          staff: 'Miembro del personal',
          government_counterpart: 'Contraparte gubernamental',
          ngo: 'ONG',
          other: 'Otro',
        },
      },
      role_other: { label: OTHER_SPECIFY },
      grade,
      aim_gender_sensitivity: {
        label: 'El taller aumentó mi sensibilidad ante las cuestiones de género en general.',
      },
      aim_regional_insight: {
        label: 'El taller ofreció una visión práctica de la incorporación de la perspectiva de género desde un enfoque regional.',
      },
      aim_professional_women: {
        label:
          'El taller me brindó nuevas perspectivas sobre las cuestiones y los retos que afrontan las mujeres profesionales en el sector público.',
      },
      training_yearly: {
        label: '¿Deberían organizarse actividades de formación como esta al menos una vez al año?',
      },
      future_topics: {
        label: '¿Qué temas deberían tratarse en las próximas sesiones?',
        hint: CHOOSE_ALL,
        options: {
          hiv_aids: 'VIH/sida',
          counter_trafficking: 'Lucha contra la trata de personas',
          integration: 'Integración',
          post_conflict: 'Actividades posconflicto',
          unaccompanied_minors: 'Menores no acompañados',
          male_migrant_perspective: 'La perspectiva de los hombres migrantes',
          gender_budgeting: 'Presupuestación con perspectiva de género',
          other: 'Otro',
        },
      },
      future_topics_other: { label: OTHER_SPECIFY },
      comments: { label: 'Comentarios' },
    },
  },

  'gfp-constraints': {
    title: 'Encuesta sobre las limitaciones que encuentran los puntos focales de género',
    sections: {
      about: 'Usted y su misión',
      support: 'Apoyo y limitaciones',
      training_network: 'Formación y redes',
    },
    questions: {
      mission,
      region,
      sex,
      working_time_percent: {
        label: 'Proporción de su tiempo de trabajo dedicada a sus funciones de punto focal de género (porcentaje)',
        hint: 'Basta con una estimación: 10 equivale a la décima parte de su tiempo.',
      },
      com_support: {
        label: 'Mi jefe o jefa de misión apoya mi labor como punto focal de género.',
      },
      constraints: {
        label:
          '¿Qué limitaciones y obstáculos han dificultado sus esfuerzos por incorporar la perspectiva de género en su misión?',
        hint: CHOOSE_ALL,
        options: {
          lack_of_time: 'Poco tiempo para las funciones de punto focal',
          lack_of_funding: 'Sin presupuesto para actividades de género',
          lack_of_training: 'Falta de formación',
          lack_of_management_support: 'Falta de apoyo de la dirección',
          low_priority: 'Las cuestiones de género son poco prioritarias en la misión',
          isolation: 'No hay otros puntos focales de género con quienes trabajar',
          lack_of_guidance: 'Falta de orientación o de información por parte de la Sede',
          other: 'Otro',
        },
      },
      constraints_other: { label: OTHER_SPECIFY },
      gfp_training: {
        label: '¿Ha recibido formación para desempeñar su función de punto focal de género?',
      },
      gfp_training_details: { label: '¿Qué formación, cuándo y quién la impartió?' },
      regional_network: {
        label: '¿Participa en alguna red regional de puntos focales de género?',
        hint: 'Por ejemplo, las redes regionales de África y de las Américas.',
      },
      regional_network_name: { label: '¿Qué red?' },
      what_would_help: {
        label: '¿Qué le ayudaría más en su labor como punto focal de género?',
      },
    },
  },
};
