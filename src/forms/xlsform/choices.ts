// The choices sheet: each list's choices in order, with their other columns kept for choice_filter.
import type { Option } from '../schema';
import type { Report } from './report';
import { cell, headerOf, type Sheet } from './sheets';
import { rowText, type LanguagePlan } from './texts';

/** Columns that are not data for choice filters. */
const NOT_DATA = new Set(['list_name', 'name', 'label', 'media::image', 'media::big-image', 'media::audio', 'media::video']);

/** The lists of the choices sheet by name. */
export function readChoices(sheet: Sheet | undefined, plan: LanguagePlan, report: Report): Map<string, Option[]> {
  const lists = new Map<string, Option[]>();
  if (!sheet) return lists;
  const S = sheet.name;
  for (const key of ['list_name', 'name']) {
    if (!sheet.columns.some((c) => c.key === key)) {
      report.problem(S, sheet.headerRow, null, `the choices sheet has no \`${key}\` column`);
      return lists;
    }
  }
  const seen = new Map<string, number>();
  for (const row of sheet.rows) {
    const list = cell(sheet, row, 'list_name');
    const name = cell(sheet, row, 'name');
    if (list === '') {
      report.problem(S, row.row, headerOf(sheet, 'list_name'), `the choice \`${name}\` has no list name`);
      continue;
    }
    // A list whose choices are refused is still a list: the questions using it need no second problem.
    if (!lists.has(list)) lists.set(list, []);
    if (name === '') {
      report.problem(S, row.row, headerOf(sheet, 'name'), `this choice of the list \`${list}\` has no name`);
      continue;
    }
    if (/\s/.test(name)) {
      report.problem(S, row.row, headerOf(sheet, 'name'), `the choice name \`${name}\` has a space; choice names cannot (answers list them separated by spaces)`);
      continue;
    }
    const key = `${list}\u0000${name}`;
    if (seen.has(key)) {
      report.problem(S, row.row, headerOf(sheet, 'name'), `the list \`${list}\` already has a choice named \`${name}\` (row ${seen.get(key)})`);
      continue;
    }
    seen.set(key, row.row);
    let label = rowText(sheet, row, 'label', plan);
    if (label === undefined) {
      report.warn(S, row.row, headerOf(sheet, 'label'), `the choice \`${name}\` of the list \`${list}\` has no label; its name is shown instead`);
      label = plan.multilingual ? { [plan.unnamed]: name } : name;
    }
    const data: Record<string, string> = {};
    for (const c of sheet.columns) {
      if (NOT_DATA.has(c.key)) continue;
      const value = row.cells[c.index] ?? '';
      if (value !== '') data[c.header.trim()] = value;
    }
    for (const c of sheet.columns) {
      if (c.key.startsWith('media::') && (row.cells[c.index] ?? '') !== '') report.warn(S, row.row, c.header, 'images, audio and video in choices are not shown yet; this cell is ignored', `choice-media:${c.index}`);
    }
    const option: Option = { id: name, label, ...(Object.keys(data).length > 0 ? { data } : {}) };
    lists.get(list)!.push(option);
  }
  return lists;
}
