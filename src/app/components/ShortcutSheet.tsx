// The keyboard shortcuts sheet (toggled with ?): every command of the command table, by its keys.
import { COMMANDS } from '../commands';
export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  return (
    <div className="sheet-backdrop" onClick={onClose}>
      <div
        className="sheet"
        data-testid="shortcuts"
        role="dialog"
        aria-label="Keyboard shortcuts"
        onClick={(e) => e.stopPropagation()}
      >
        <h2>Keyboard shortcuts</h2>
        <table>
          <tbody>
            {COMMANDS.map((c) => (
              <tr key={c.id} data-command={c.id}>
                <td>
                  <kbd>{c.label}</kbd>
                </td>
                <td>{c.help}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="hint">
          Drag to pan, scroll to zoom, click an agent to select it. In a text or number field, typed keys and
          arrows stay in the field; on a button or checkbox, Space and Enter press it; on a slider or list,
          arrows, Home and End move it. PageUp, PageDown, Esc and ? always work.
        </p>
      </div>
    </div>
  );
}
