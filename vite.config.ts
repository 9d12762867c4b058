import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { modelsLocalPlugin } from './src/cli/lib/models-local';

export default defineConfig({
  // models-local/ (weights trained on real WOMD, DESIGN.md 6b) is served by `vite` dev only; the
  // build copies public/ alone, so it never ships (test/unit/models-local.test.ts builds to check)
  plugins: [react(), modelsLocalPlugin()],
  // Relative base so the built app also works from a sub-path or file server.
  base: './',
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { port: 4173 },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  optimizeDeps: {
    include: ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-webgpu', '@tensorflow/tfjs-backend-wasm'],
  },
});
