// Annex II of the 2003 report of the Working Group on Gender Issues (seed/000_86a915b518447f49.txt),
// filled once per sponsored project. The eight questions keep the report's wording exactly
// (a test checks it); each is split into a yes/no part and a follow-up that shows only
// when it applies, so answers can be counted as well as read.
import { catalogTitle } from '../catalog';
import type { FormInput } from '../schema';
import { missionQuestion, regionQuestion, sexQuestion } from './common';

/** The project questionnaire of Annex II, with the project's context and reach. */
export const projectQuestionnaire: FormInput = {
  id: 'project-questionnaire',
  version: 1,
  title: catalogTitle('project-questionnaire'),
  sections: [
    {
      id: 'project',
      title: 'About the project',
      questions: [
        { id: 'project_title', type: 'text', label: 'Project title', required: true, max: 200 },
        missionQuestion,
        regionQuestion,
        {
          id: 'reporting_year',
          type: 'integer',
          label: 'Reporting year',
          hint: 'The year this report covers, for example 2003.',
          required: true,
          min: 1990,
          max: 2100,
        },
        {
          id: 'funding_usd',
          type: 'number',
          label: 'Funding received (USD)',
          hint: 'Gender-related funding the project received, in US dollars.',
          min: 0,
        },
        {
          id: 'constraints_encountered',
          type: 'longtext',
          label: 'Constraints encountered',
          hint: 'Write "none" if there were none.',
        },
      ],
    },
    {
      id: 'respondent',
      title: 'About you',
      questions: [
        {
          id: 'respondent_role',
          type: 'text',
          label: 'Your role in the project',
          hint: 'For example: project manager, Gender Focal Point.',
          max: 200,
        },
        sexQuestion,
      ],
    },
    {
      id: 'reach',
      title: 'People reached',
      questions: [
        {
          id: 'women_reached',
          type: 'integer',
          label: 'Number of women reached by the project',
          hint: 'Count each person once. Leave empty if not known.',
          min: 0,
        },
        {
          id: 'men_reached',
          type: 'integer',
          label: 'Number of men reached by the project',
          hint: 'Count each person once. Leave empty if not known.',
          min: 0,
        },
      ],
    },
    {
      id: 'awareness',
      title: 'Awareness and further activities',
      questions: [
        {
          id: 'q1_raised_awareness',
          type: 'yesno',
          label:
            'Did the implementation of your project contribute to raising further gender awareness among your partners including government or Mission staff other than for staff directly involved in the project?',
        },
        {
          id: 'q1_how',
          type: 'longtext',
          label: 'If so, how?',
          relevant: { question: 'q1_raised_awareness', equals: 'yes' },
        },
        {
          id: 'q2_further_activities',
          type: 'yesno',
          label:
            'Have other gender-related activities or projects resulted from the implementation since the allotment of discretionary income was meant to support other gender-related initiatives?',
        },
        {
          id: 'q2_which',
          type: 'longtext',
          label: 'If so, which activities or projects?',
          relevant: { question: 'q2_further_activities', equals: 'yes' },
        },
        {
          id: 'q3_encouraged',
          type: 'yesno',
          label:
            'Did you feel encouraged to further develop gender mainstreamed activities while implementing this project?',
        },
        {
          id: 'q3_encouraged_how',
          type: 'longtext',
          label: 'If so, how?',
          hint: 'For example: by whom, or by what in the project.',
          relevant: { question: 'q3_encouraged', equals: 'yes' },
        },
        {
          id: 'q3_constraints',
          type: 'yesno',
          label:
            'Were there constraints that were clearly directed towards the fact that it was a typical gender-related project?',
        },
        {
          id: 'q3_constraints_which',
          type: 'longtext',
          label: 'If so, which constraints?',
          relevant: { question: 'q3_constraints', equals: 'yes' },
        },
      ],
    },
    {
      id: 'lessons',
      title: 'Lessons and impact',
      questions: [
        {
          id: 'q4_lessons_learned',
          type: 'longtext',
          label:
            "As the main objectives of the project were to strengthen the Organization's commitment to examine a range of gender-related concerns, integrate gender mainstreaming into IOM's planning and operational activities, as well as to serve as models for further gender mainstreamed project development, what were the lessons learned in this context?",
        },
        {
          id: 'q5_balanced_impact',
          type: 'yesno',
          label: 'Do you think there was a balanced impact on men and women in your project?',
        },
        {
          id: 'q5_relationship',
          type: 'longtext',
          label: 'If so, what was the relationship between the two?',
          relevant: { question: 'q5_balanced_impact', equals: 'yes' },
        },
      ],
    },
    {
      id: 'results',
      title: 'Capacity and results',
      questions: [
        {
          id: 'q6_enhanced_capacity',
          type: 'yesno',
          label:
            'By implementing this initiative, do you feel an enhanced capacity to design and implement gender mainstreamed projects?',
        },
        {
          id: 'q6_capacity_how',
          type: 'longtext',
          label: 'If so, how?',
          relevant: { question: 'q6_enhanced_capacity', equals: 'yes' },
        },
        {
          id: 'q6_network_increased',
          type: 'yesno',
          label:
            'In the same perspective, has your network of contacts on gender issues increased as a result of the project?',
        },
        {
          id: 'q6_network_with_whom',
          type: 'longtext',
          label: 'If so, with whom?',
          hint: 'For example: government offices, NGOs, other Missions or agencies.',
          relevant: { question: 'q6_network_increased', equals: 'yes' },
        },
        {
          id: 'q7_successful',
          type: 'yesno',
          label: 'Would you consider the project successful from a gender mainstreaming perspective?',
        },
        {
          // Both answers deserve a reason, so the follow-up shows for either.
          id: 'q7_why',
          type: 'longtext',
          label: 'Why, or why not?',
          relevant: { question: 'q7_successful', oneOf: ['yes', 'no'] },
        },
        {
          id: 'q8_more_data',
          type: 'yesno',
          label:
            'Through the implementation of the project, have you accumulated more relevant gender-specific data that could help you to define innovative tools to address the needs of migrants?',
        },
        {
          id: 'q8_which_data',
          type: 'longtext',
          label: 'If so, which data, and what tools could they help define?',
          relevant: { question: 'q8_more_data', equals: 'yes' },
        },
      ],
    },
  ],
};
