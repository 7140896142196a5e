// The staff gender sensitivity survey the report mentions (close to 500 staff answered the
// 2002 round). The statements follow the report's themes, so a later round can be
// compared with its findings: automatic mainstreaming, vacancy notices, indicators by sex.
import { catalogTitle } from '../catalog';
import type { FormInput } from '../schema';
import { CHOOSE_ALL_HINT, gradeQuestion, regionQuestion, sexQuestion } from './common';

/** The staff gender sensitivity survey. */
export const genderSensitivity: FormInput = {
  id: 'gender-sensitivity',
  version: 1,
  title: catalogTitle('gender-sensitivity'),
  sections: [
    {
      id: 'about_you',
      title: 'About you',
      questions: [
        sexQuestion,
        gradeQuestion,
        {
          id: 'duty_station',
          type: 'single',
          label: 'Do you work at Headquarters or in the Field?',
          required: true,
          options: [
            { id: 'headquarters', label: 'Headquarters' },
            { id: 'field', label: 'Field' },
          ],
        },
        // Headquarters has no region, so the question shows only for the Field.
        { ...regionQuestion, label: 'Region of your duty station', relevant: { question: 'duty_station', equals: 'field' } },
        {
          id: 'years_of_service',
          type: 'integer',
          label: 'Years of service with the Organization',
          hint: 'Whole years; 0 if less than one year.',
          min: 0,
          max: 60,
        },
        { id: 'is_gender_focal_point', type: 'yesno', label: 'Are you a Gender Focal Point?' },
      ],
    },
    {
      id: 'knowledge',
      title: 'Knowledge and practice',
      questions: [
        {
          id: 'aware_gender_policy',
          type: 'yesno',
          label: 'Are you aware of the Staff and Programme Policy on Gender adopted by the Council in 1995?',
        },
        { id: 'gender_training', type: 'yesno', label: 'Have you attended any training on gender issues?' },
        {
          id: 'gender_training_details',
          type: 'text',
          label: 'Which training, and in what year?',
          relevant: { question: 'gender_training', equals: 'yes' },
          max: 300,
        },
        {
          id: 'induction_gender_session',
          type: 'yesno',
          label: 'Did your briefing or induction programme include a session on gender issues?',
          hint: 'Answer no if you had no briefing or induction programme.',
        },
        {
          id: 'project_gender_analysis',
          type: 'yesno',
          label: 'In the past 12 months, have you included gender analysis or gender budgeting in a project?',
        },
      ],
    },
    {
      id: 'views',
      title: 'Your views',
      questions: [
        {
          id: 'view_analysis_benefits',
          type: 'likert',
          label: 'Analysing projects for their gender dimension benefits both migrant women and men.',
        },
        {
          id: 'view_mainstreaming_automatic',
          type: 'likert',
          label: 'Gender mainstreaming is an automatic process in my office.',
        },
        {
          id: 'view_supervisor_support',
          type: 'likert',
          label: 'My supervisor supports attention to gender issues in my work.',
        },
        {
          id: 'view_equal_career',
          type: 'likert',
          label: 'Women and men have equal opportunities for career development in the Organization.',
        },
        {
          id: 'view_vacancy_notices',
          type: 'likert',
          label: 'Vacancy notices reach qualified women.',
        },
        {
          id: 'view_know_gfp',
          type: 'likert',
          label: "I know who my office's Gender Focal Point is.",
        },
        {
          id: 'view_indicators_by_sex',
          type: 'likert',
          label: 'Projects in my office carry performance indicators by sex.',
        },
      ],
    },
    {
      id: 'obstacles_and_suggestions',
      title: 'Obstacles and suggestions',
      questions: [
        {
          id: 'obstacles',
          type: 'multi',
          label: 'What stands in the way of gender mainstreaming in your work?',
          hint: CHOOSE_ALL_HINT,
          options: [
            { id: 'lack_of_time', label: 'Lack of time' },
            { id: 'lack_of_training', label: 'Lack of training' },
            { id: 'lack_of_funding', label: 'Lack of funding' },
            { id: 'lack_of_management_support', label: 'Lack of support from management' },
            { id: 'lack_of_data', label: 'Lack of data by sex' },
            { id: 'lack_of_tools', label: 'Lack of practical tools or guidelines' },
            { id: 'not_a_priority', label: 'Gender is not seen as a priority' },
            { id: 'other', label: 'Other' },
          ],
        },
        {
          id: 'obstacles_other',
          type: 'text',
          label: 'Other, please specify',
          relevant: { question: 'obstacles', includes: 'other' },
          max: 300,
        },
        {
          id: 'suggestions',
          type: 'longtext',
          label: 'What should the Organization do to address the issues raised in this survey?',
        },
      ],
    },
  ],
};
