// The pair the mode panel predicts for: agents A and B named (chosen, or the scene's own pair),
// the selected agent made A or B, A and B swapped, and back to the scene's pair. Shown only while
// a scene is open; the pair lives in the store (null: the scene's own).
import { OBJECT_TYPE_NAMES, type Scene } from '../../scene/scene';
import { commandTitle } from '../commands';
import { RunCommand } from '../hooks/useCommands';
import { activePair, type Store } from '../store';
import { useStore } from '../useStore';
import { useContext } from 'react';

/** The two roles, each with the command that makes the selected agent take it. */
const ROLES = [
  ['A', 'pairA'],
  ['B', 'pairB'],
] as const;

export function PairControls({ store }: { store: Store }) {
  const scene = useStore(store, (s) => s.scene);
  const chosen = useStore(store, (s) => s.pair);
  const selected = useStore(store, (s) => s.selected);
  const run = useContext(RunCommand);
  if (!scene) return null;
  const pair = activePair(store.get());
  return (
    <div className="mode-pair" data-testid="mode-pair">
      <span data-testid="pair-names">
        {pair ? (
          <>
            A <b>{agentName(scene, pair[0])}</b> · B <b>{agentName(scene, pair[1])}</b>{' '}
            {chosen ? '(chosen)' : '(the scene’s pair)'}
          </>
        ) : (
          'no pair: select an agent, then make it A or B'
        )}
      </span>
      {ROLES.map(([role, command]) => (
        <button
          key={role}
          data-testid={`pair-${role.toLowerCase()}`}
          disabled={selected < 0}
          onClick={() => run(command)}
          title={commandTitle(command)}
        >
          selected → {role}
        </button>
      ))}
      <button
        data-testid="pair-swap"
        disabled={!pair}
        onClick={() => store.set({ pair: pair && [pair[1], pair[0]] })}
        title="Swap A and B"
      >
        swap
      </button>
      <button
        data-testid="pair-reset"
        disabled={!chosen}
        onClick={() => store.set({ pair: null })}
        title="Back to objects_of_interest (else tracks_to_predict)"
      >
        scene’s pair
      </button>
    </div>
  );
}

function agentName(scene: Scene, i: number): string {
  return `${scene.tracks.ids[i]} ${OBJECT_TYPE_NAMES[scene.tracks.types[i]!] ?? 'unknown'}`;
}
