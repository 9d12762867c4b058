// The threaded-SIMD factory of tfjs-backend-wasm, from the library's own file as text (vite.config.ts
// points backend_wasm.js's import here). tfjs starts its pthread workers from
// `factory.toString()`; bundled and minified, that text loses the closure it reads (`_scriptDir`,
// renamed and its `typeof` guard folded away) and every pthread worker throws "e is not defined".
// Evaluated from the raw file, the function's text is exactly the library's, so the threads start.
import source from '../../../node_modules/@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js?raw';

// the file's UMD tail would look for `module`/`define`; only the factory is kept
const factory = new Function(`${source}\nreturn WasmBackendModuleThreadedSimd;`)() as (
  m?: object,
) => Promise<unknown>;
export default factory;
