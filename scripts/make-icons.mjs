// Renders the app's icon (public/favicon.svg) as the PNGs the web app manifest names
// (vite.config.ts): public/icon-192.png and public/icon-512.png, the two sizes browsers ask of an
// installable app. Run once after changing the SVG (`node scripts/make-icons.mjs`); the PNGs are
// committed. Drawn by the Chromium the browser tests use (CHROMIUM_PATH, else /usr/bin/chromium).
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const svg = readFileSync('public/favicon.svg', 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}"></body>`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    writeFileSync(`public/icon-${size}.png`, await page.screenshot({ omitBackground: true }));
    await page.close();
  }
} finally {
  await browser.close();
}
