// The keyboard shortcuts sheet (toggled with ?).
export const SHORTCUTS: [string, string][] = [
  ['space', 'play / pause'],
  ['← / →', 'step back / forward (shift: 10 steps)'],
  ['Home / End', 'first / last step'],
  ['[ / ]', 'previous / next scene'],
  ['f', 'follow the selected agent'],
  ['a / b', 'predict for the selected agent as A / as B'],
  ['g', 'toggle the ground-truth future'],
  ['q / e', 'rotate the view'],
  ['0', 'fit the scene'],
  ['- / +', 'slower / faster'],
  ['l', 'loop on / off'],
  ['?', 'this sheet'],
  ['Esc', 'close the sheet, clear the selection'],
];

export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  return (
    <div className="sheet-backdrop" onClick={onClose}>
      <div className="sheet" data-testid="shortcuts" onClick={(e) => e.stopPropagation()}>
        <h2>Keyboard shortcuts</h2>
        <table>
          <tbody>
            {SHORTCUTS.map(([k, what]) => (
              <tr key={k}>
                <td>
                  <kbd>{k}</kbd>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="hint">Drag to pan, scroll to zoom, click an agent to select it.</p>
      </div>
    </div>
  );
}
