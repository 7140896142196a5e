import type { FormProblem } from '../../forms/problems';
import { t } from '../../i18n';
import { TableScroll } from '../results/TableScroll';

/** Why a definition cannot be published (or what to look at), one row per problem, placed where the coordinator will look. */
export function ProblemTable({ caption, problems }: { caption: string; problems: readonly FormProblem[] }) {
  return (
    <TableScroll label={caption}>
      <table class="problems">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('Sheet')}</th>
            <th scope="col">{t('Row')}</th>
            <th scope="col">{t('Column')}</th>
            <th scope="col">{t('Problem')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            // Problems have no id; the same message may come twice at different places.
            <tr key={i}>
              <td>{p.sheet ?? ''}</td>
              <td>{p.row ?? ''}</td>
              <td>
                <code>{p.column ?? ''}</code>
              </td>
              <td>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
