// The model worker's entry: loads the real worker (model-worker-main.ts) by dynamic import, so a
// failure to load its code (a missing chunk, a bundler that serves tfjs twice, a module syntax
// error) reaches the app as an error message naming the cause. With static imports such a failure
// only fires the worker's `error` event, whose message is empty in Chromium, and the app could
// say no more than "the worker failed". Messages that arrive while the code loads are queued.
import type { ModelRequest, ModelResponse } from './model-protocol';

const queued: MessageEvent<ModelRequest>[] = [];
self.onmessage = (ev: MessageEvent<ModelRequest>) => void queued.push(ev);

import('./model-worker-main').then(
  ({ handle }) => {
    self.onmessage = (ev: MessageEvent<ModelRequest>) => void handle(ev);
    for (const ev of queued.splice(0)) void handle(ev);
  },
  (e: unknown) => {
    const msg: ModelResponse = {
      type: 'error',
      message: `the model's code could not load in its worker: ${e instanceof Error ? e.message : String(e)}`,
    };
    self.postMessage(msg);
  },
);
