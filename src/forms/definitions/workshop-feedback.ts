// Feedback from each participant of a training event. The aims are the three the report
// gives for the May 2003 workshop; the topics are the ones the Istanbul workshop wanted
// covered. The app carries `workshop_name`, `workshop_date` and `workshop_place` from
// one participant's response into the next, so keep those ids stable.
import { catalogTitle } from '../catalog';
import type { FormInput } from '../schema';
import { CHOOSE_ALL_HINT, gradeQuestion, sexQuestion } from './common';

const CARRIED_OVER_HINT = 'Kept for the next participant on this device.';

/** Feedback from one participant of a gender training workshop. */
export const workshopFeedback: FormInput = {
  id: 'workshop-feedback',
  version: 1,
  title: catalogTitle('workshop-feedback'),
  sections: [
    {
      id: 'workshop',
      title: 'The workshop',
      questions: [
        { id: 'workshop_name', type: 'text', label: 'Workshop name', hint: CARRIED_OVER_HINT, required: true, max: 200 },
        { id: 'workshop_date', type: 'date', label: 'Date', hint: CARRIED_OVER_HINT, required: true },
        { id: 'workshop_place', type: 'text', label: 'Place', hint: CARRIED_OVER_HINT, max: 200 },
      ],
    },
    {
      id: 'participant',
      title: 'About you',
      questions: [
        sexQuestion,
        {
          id: 'role',
          type: 'single',
          label: 'Your role',
          options: [
            { id: 'staff', label: 'Staff' },
            { id: 'government_counterpart', label: 'Government counterpart' },
            { id: 'ngo', label: 'NGO' },
            { id: 'other', label: 'Other' },
          ],
        },
        {
          id: 'role_other',
          type: 'text',
          label: 'Other, please specify',
          relevant: { question: 'role', equals: 'other' },
          max: 200,
        },
        gradeQuestion,
      ],
    },
    {
      id: 'aims',
      title: "The workshop's aims",
      questions: [
        {
          id: 'aim_gender_sensitivity',
          type: 'likert',
          label: 'The workshop increased my sensitivity to gender issues in general.',
        },
        {
          id: 'aim_regional_insight',
          type: 'likert',
          label: 'The workshop provided hands-on insight into gender mainstreaming from a regional perspective.',
        },
        {
          id: 'aim_professional_women',
          type: 'likert',
          label: 'The workshop gave me new insights on issues and challenges for professional women in the public sector.',
        },
        {
          id: 'training_yearly',
          type: 'yesno',
          label: 'Should training events like this one be organized at least once a year?',
        },
      ],
    },
    {
      id: 'future',
      title: 'Future sessions',
      questions: [
        {
          id: 'future_topics',
          type: 'multi',
          label: 'Which topics should future sessions cover?',
          hint: CHOOSE_ALL_HINT,
          options: [
            { id: 'hiv_aids', label: 'HIV/AIDS' },
            { id: 'counter_trafficking', label: 'Counter-trafficking' },
            { id: 'integration', label: 'Integration' },
            { id: 'post_conflict', label: 'Post-conflict activities' },
            { id: 'unaccompanied_minors', label: 'Unaccompanied minors' },
            { id: 'male_migrant_perspective', label: 'The male migrant perspective' },
            { id: 'gender_budgeting', label: 'Gender budgeting' },
            { id: 'other', label: 'Other' },
          ],
        },
        {
          id: 'future_topics_other',
          type: 'text',
          label: 'Other, please specify',
          relevant: { question: 'future_topics', includes: 'other' },
          max: 300,
        },
        { id: 'comments', type: 'longtext', label: 'Comments' },
      ],
    },
  ],
};
