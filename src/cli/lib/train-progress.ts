// The training progress bar (cli-progress) as model/train.ts hooks: step, epoch, the moving
// averages of the loss terms, steps/s and ETA, and a line per epoch with the validation loss.
import { SingleBar, Presets } from 'cli-progress';
import type { TrainOptions } from '../../model/train';

type ProgressHooks = Required<Pick<TrainOptions, 'onStart' | 'onStep' | 'onEpoch'>>;

const fmt = (v: number) => v.toFixed(3);

/** `resumedFrom`: the checkpoint folder a resumed run started from, named in its first line. */
export function trainProgress(name: string, resumedFrom?: string): { hooks: ProgressHooks; stop(): void } {
  const bar = new SingleBar(
    {
      format: `${name} [{bar}] {value}/{total} steps | epoch {epoch} | loss {loss} traj {traj} m goal {goal} kl {kl} label {label} | {rate} steps/s | eta {eta_formatted}`,
      // logs redirected to a file still get a line every 30 s
      noTTYOutput: true,
      notTTYSchedule: 30000,
    },
    Presets.shades_classic,
  );
  let payload: Record<string, string | number> = {
    epoch: 0,
    loss: '-',
    traj: '-',
    goal: '-',
    kl: '-',
    label: '-',
    rate: '0',
  };
  let total = 0;
  const hooks: ProgressHooks = {
    onStart: ({ step, totalSteps }) => {
      if (resumedFrom) console.log(`resumed ${name} at step ${step}/${totalSteps} from ${resumedFrom}`);
      bar.start((total = totalSteps), step, payload);
    },
    onStep: ({ step, epoch, loss, stepsPerSecond }) => {
      // 'total' is the bar's own token: the loss shows as 'loss'
      const terms = Object.entries(loss).map(([n, v]) => [n === 'total' ? 'loss' : n, fmt(v)]);
      payload = { epoch, ...Object.fromEntries(terms), rate: stepsPerSecond.toFixed(2) };
      bar.update(step, payload);
    },
    onEpoch: ({ epoch, step, val }) => {
      bar.stop();
      console.log(
        `epoch ${epoch}: val ${Object.entries(val)
          .map(([n, e]) => `${n} ${fmt(e)}`)
          .join(' ')}`,
      );
      bar.start(total, step, payload); // without it the restarted bar prints its {tokens}
    },
  };
  return { hooks, stop: () => bar.stop() };
}
