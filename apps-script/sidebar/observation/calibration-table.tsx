// A visit's calibration as the sidebar shows it: for each classroom two or more observers saw, how often
// their 1–4 ratings matched exactly and within one point, Cohen's or Fleiss' kappa, and the ratings far
// enough apart to talk through. Observers appear by initials; classrooms by letter.
import type { Calibration } from '../../observation/contract';

const percent = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

function kappaText(k: Calibration['overall']['kappa']): string {
  if (k.value === null) return k.reason;
  return `${k.method === 'fleiss' ? 'Fleiss' : 'Cohen'} κ ${k.value.toFixed(2)}`;
}

export function CalibrationTable({ calibration }: { calibration: Calibration }) {
  if (!calibration.classrooms.length)
    return (
      <p class="muted">No classroom was rated by two or more observers, so there is nothing to compare.</p>
    );
  return (
    <>
      <p>
        All classrooms: {percent(calibration.overall.exact)} exact, {percent(calibration.overall.adjacent)}{' '}
        within one point ({calibration.overall.pairs} pairs); {kappaText(calibration.overall.kappa)}.
      </p>
      <table class="calibration">
        <caption>Agreement per classroom</caption>
        <thead>
          <tr>
            <th scope="col">Classroom</th>
            <th scope="col">Exact</th>
            <th scope="col">Within 1</th>
            <th scope="col">Kappa</th>
          </tr>
        </thead>
        <tbody>
          {calibration.classrooms.map(({ classroom, agreement }) => (
            <tr key={classroom}>
              <th scope="row">{classroom}</th>
              <td>{percent(agreement.exact)}</td>
              <td>{percent(agreement.adjacent)}</td>
              <td>{kappaText(agreement.kappa)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>Discrepancies to discuss</h4>
      {calibration.discrepancies.length ? (
        <ul class="discrepancies">
          {calibration.discrepancies.map((d) => (
            <li key={`${d.classroom}|${d.lookFor}`}>
              Classroom {d.classroom}, #{d.lookFor}:{' '}
              {d.ratings.map((r) => `${r.observer} ${r.rating}`).join(', ')} — what did each of you see?
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">No ratings two or more points apart.</p>
      )}
    </>
  );
}
