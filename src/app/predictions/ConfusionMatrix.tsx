// The confusion matrix of a run across the file: one row per mode (argmax prior), in the mode's
// colour, one column per pseudo label, the diagonal marked.
import { LABEL_NAMES } from '../../labels';
import { css, modeColor } from '../palette';
import { modeName } from '../../model/registry';
import type { FileRunResult } from './run-file';

export function ConfusionMatrix({ result }: { result: FileRunResult }) {
  return (
    <table className="confusion" data-testid="confusion">
      <thead>
        <tr>
          <th>mode \ label</th>
          {LABEL_NAMES.map((n) => (
            <th key={n}>{n}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {result.confusion.map((row, z) => (
          <tr key={z}>
            <th style={{ color: css(modeColor(result.variant, z)) }}>{modeName(result.variant, z)}</th>
            {row.map((n, l) => (
              <td key={l} className={l === z ? 'diag' : ''}>
                {n}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
