// The survey the report plans "to determine the constraints and obstacles facing GFPs that
// have hindered their efforts at gender mainstreaming in their respective Missions",
// with the regional networks of Africa and the Americas as the example to compare with.
import { catalogTitle } from '../catalog';
import type { FormInput } from '../schema';
import { CHOOSE_ALL_HINT, missionQuestion, regionQuestion, sexQuestion } from './common';

/** The survey of Gender Focal Points on the constraints they meet. */
export const gfpConstraints: FormInput = {
  id: 'gfp-constraints',
  version: 1,
  title: catalogTitle('gfp-constraints'),
  sections: [
    {
      id: 'about',
      title: 'About you and your Mission',
      questions: [
        missionQuestion,
        regionQuestion,
        sexQuestion,
        {
          id: 'working_time_percent',
          type: 'integer',
          label: 'Share of your working time spent on Gender Focal Point duties (percent)',
          hint: 'An estimate is fine: 10 means a tenth of your time.',
          min: 0,
          max: 100,
        },
      ],
    },
    {
      id: 'support',
      title: 'Support and constraints',
      questions: [
        {
          id: 'com_support',
          type: 'likert',
          label: 'My Chief of Mission supports my work as Gender Focal Point.',
        },
        {
          id: 'constraints',
          type: 'multi',
          label: 'Which constraints and obstacles have hindered your efforts at gender mainstreaming in your Mission?',
          hint: CHOOSE_ALL_HINT,
          options: [
            { id: 'lack_of_time', label: 'Too little time for focal-point duties' },
            { id: 'lack_of_funding', label: 'No budget for gender activities' },
            { id: 'lack_of_training', label: 'Lack of training' },
            { id: 'lack_of_management_support', label: 'Lack of support from management' },
            { id: 'low_priority', label: 'Gender is a low priority in the Mission' },
            { id: 'isolation', label: 'No other Gender Focal Points to work with' },
            { id: 'lack_of_guidance', label: 'Lack of guidance or information from Headquarters' },
            { id: 'other', label: 'Other' },
          ],
        },
        {
          id: 'constraints_other',
          type: 'text',
          label: 'Other, please specify',
          relevant: { question: 'constraints', includes: 'other' },
          max: 300,
        },
      ],
    },
    {
      id: 'training_network',
      title: 'Training and networks',
      questions: [
        {
          id: 'gfp_training',
          type: 'yesno',
          label: 'Have you received training for your role as Gender Focal Point?',
        },
        {
          id: 'gfp_training_details',
          type: 'longtext',
          label: 'Which training, when, and given by whom?',
          relevant: { question: 'gfp_training', equals: 'yes' },
        },
        {
          id: 'regional_network',
          type: 'yesno',
          label: 'Do you take part in a regional network of Gender Focal Points?',
          hint: 'For example, the regional networks in Africa and the Americas.',
        },
        {
          id: 'regional_network_name',
          type: 'text',
          label: 'Which network?',
          relevant: { question: 'regional_network', equals: 'yes' },
          max: 200,
        },
        {
          id: 'what_would_help',
          type: 'longtext',
          label: 'What would help you most in your work as Gender Focal Point?',
        },
      ],
    },
  ],
};
