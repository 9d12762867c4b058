import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import type { ModelClient } from './model-client';
import './styles.css';

declare global {
  interface Window {
    /** Test and bench hook: start a model worker (loaded on demand, with tfjs). */
    __modescopeModel?: (opts?: Parameters<typeof ModelClient.start>[0]) => Promise<ModelClient>;
  }
}
window.__modescopeModel = (opts) => import('./model-client').then((m) => m.ModelClient.start(opts));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
