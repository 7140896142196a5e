// A rich XLSForm for round trips: nested groups, a field-list page, notes, calculations,
// constraints and required messages, a cascading select, or_other, defaults, read-only, loose
// questions before the first group, three languages (Arabic right to left) and sex_question.
import type { XlsxSheets } from '../../helpers/xlsx';

const L = ['label::English (en)', 'label::Français (fr)', 'label::العربية (ar)'];

export const RICH_SHEETS: XlsxSheets = {
  survey: [
    ['type', 'name', ...L, 'hint::English (en)', 'required', 'required_message::English (en)', 'relevant', 'constraint', 'constraint_message::English (en)', 'constraint_message::Français (fr)', 'calculation', 'default', 'read_only', 'choice_filter', 'appearance'],
    ['start', 'started', '', '', '', '', '', '', '', '', '', '', '', '', '', '', ''],
    ['note', 'welcome', 'Welcome, ${respondent}', 'Bienvenue', 'أهلا', '', '', '', '', '', '', '', '', '', '', '', ''],
    ['text', 'respondent', 'Your name', 'Votre nom', 'اسمك', 'As on your ID', 'yes', 'Please give a name', '', '', '', '', '', '', '', '', ''],
    ['begin_group', 'household', 'Household', 'Ménage', 'الأسرة', '', '', '', '', '', '', '', '', '', '', '', 'field-list'],
    ['select_one gender', 'gender', 'Gender', 'Genre', 'الجنس', '', 'yes', '', '', '', '', '', '', '', '', '', 'horizontal'],
    ['integer', 'age', 'Age', 'Âge', 'العمر', '', 'yes', '', '', '. >= 15 and . <= 99', 'From 15 to 99', 'De 15 à 99', '', '', '', '', ''],
    ['calculate', 'decade', '', '', '', '', '', '', '', '', '', '', 'int(${age} div 10)', '', '', '', ''],
    ['begin_group', 'work', 'Work', 'Travail', 'العمل', '', '', '', '${age} >= 18', '', '', '', '', '', '', '', ''],
    ['select_one sector or_other', 'sector', 'Sector', 'Secteur', 'القطاع', '', '', '', '', '', '', '', '', '', '', '', 'minimal'],
    ['decimal', 'income', 'Monthly income', 'Revenu mensuel', 'الدخل الشهري', '', '', '', '', '. > 0', 'Above zero', '', '', '', '', '', ''],
    ['end_group', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', ''],
    ['end_group', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', ''],
    ['begin_group', 'place', 'Place', 'Lieu', 'المكان', '', '', '', '', '', '', '', '', '', '', '', ''],
    ['select_one country', 'country', 'Country', 'Pays', 'البلد', '', '', '', '', '', '', '', '', '', '', '', ''],
    ['select_one city', 'city', 'City', 'Ville', 'المدينة', '', '', '', '', '', '', '', '', '', '', 'country = ${country}', ''],
    ['select_multiple needs', 'needs', 'Needs', 'Besoins', 'الاحتياجات', 'Choose all that apply', '', '', '', '', '', '', '', '', '', '', 'columns'],
    ['text', 'comments', 'Comments', 'Commentaires', 'تعليقات', '', '', '', "selected(${needs}, 'other_need')", '', '', '', '', '', '', '', 'multiline'],
    ['date', 'visit', 'Visit date', 'Date de visite', 'تاريخ الزيارة', '', '', '', '', '', '', '', '', 'today()', '', '', 'no-calendar'],
    ['text', 'code', 'Code', 'Code', 'الرمز', '', '', '', '', '', '', '', '', 'X1', 'yes', '', ''],
    ['acknowledge', 'consent', 'I agree', "J'accepte", 'أوافق', '', 'yes', '', '', '', '', '', '', '', '', '', ''],
    ['end_group', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', ''],
  ],
  choices: [
    ['list_name', 'name', ...L, 'country'],
    ['gender', 'female', 'Female', 'Femme', 'أنثى', ''],
    ['gender', 'male', 'Male', 'Homme', 'ذكر', ''],
    ['sector', 'farming', 'Farming', 'Agriculture', 'الزراعة', ''],
    ['sector', 'trade', 'Trade', 'Commerce', 'التجارة', ''],
    ['country', 'ml', 'Mali', 'Mali', 'مالي', ''],
    ['country', 'sn', 'Senegal', 'Sénégal', 'السنغال', ''],
    ['city', 'bamako', 'Bamako', 'Bamako', 'باماكو', 'ml'],
    ['city', 'dakar', 'Dakar', 'Dakar', 'داكار', 'sn'],
    ['needs', 'water', 'Water', 'Eau', 'ماء', ''],
    ['needs', 'other_need', 'Something else', 'Autre chose', 'شيء آخر', ''],
  ],
  settings: [
    ['form_id', 'form_title', 'default_language', 'sex_question'],
    ['rich_form', 'Rich form', 'English (en)', 'gender'],
  ],
};
