// The export modules in one chunk for the test hook (window.__modescope.loadExport): the browser
// tests and the video bench call them directly on the live engine.
export { captionText, captionModes } from './caption';
export { sceneSvg, projector } from './svg';
export { exportVideo, videoSupport, frameCount } from './video';
export { snapshot } from '../snapshot';
