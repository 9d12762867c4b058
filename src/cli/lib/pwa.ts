// The installable app (issue 17 item 6), for `vite build` only: a web app manifest and a Workbox
// service worker (vite-plugin-pwa, generateSW) that precaches everything the build ships: the app
// shell (index.html, every JS/CSS chunk and the workers), the tfjs wasm binaries, the shipped
// models (models/{pseudo,vanilla}/model.json + weights.bin) and the demo set (demo/*). After the
// first visit the app opens, shows the demo and predicts with the network off. Everything is
// relative to the page (registerSW.js registers ./sw.js with scope ./, the manifest's start_url and
// scope are '.'), so dist/ works from any static host and sub-path.
//
// Cross-origin isolation: the service worker serves the responses it precached as the host sent
// them, headers included, so a host that sends COOP/COEP (README) keeps `crossOriginIsolated` (wasm
// threads) offline too; a host that does not gets wasm on one thread, online and offline alike.
// Requests for anything not precached (a `?file=` URL, a submission URL) go to the network as before.
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The largest file precached, bytes. Workbox's default (2 MiB) would leave out the demo set
 * (7.4 MB) and the model worker's chunk (2.4 MB, tfjs): 16 MiB keeps twice the room of the
 * largest today, and still refuses (with a build warning naming it) a file that has no place here.
 */
const MAX_PRECACHE_BYTES = 16 * 1024 * 1024;

/** The app's page background (styles.css body), for the splash screen of the installed app. */
const BACKGROUND = '#15171c';

export function pwaPlugin(): Plugin[] {
  return VitePWA({
    // a new build's worker takes over at once: the app has no state a reload could lose but the URL
    registerType: 'autoUpdate',
    injectRegister: 'script',
    // the icons are in globPatterns already; listed twice they would be precached twice
    includeManifestIcons: false,
    manifest: {
      name: 'ModeScope',
      short_name: 'ModeScope',
      description:
        'Look inside an interactive trajectory predictor: WOMD scenes, pseudo-label CVAE modes, deck.gl playback.',
      start_url: '.',
      scope: '.',
      display: 'standalone',
      background_color: BACKGROUND,
      theme_color: BACKGROUND,
      icons: [
        { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{html,js,css,wasm,svg,png,webmanifest,json,bin,tfrecord}'],
      maximumFileSizeToCacheInBytes: MAX_PRECACHE_BYTES,
      // any page URL (its query is the view: url.ts) opens the precached index.html
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
      clientsClaim: true,
      skipWaiting: true,
    },
  });
}
