/**
 * Launches Debian's Chromium through playwright-core, with no network but the local site:
 * requests to other hosts (GitHub avatars, images in user content) get a placeholder image,
 * so pages render as they would online and nothing leaves the machine.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PLACEHOLDER = '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="#9aa6b8"/></svg>';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(EXECUTABLE)) {
    throw new Error(`Chromium was not found at ${EXECUTABLE}. Install it with \`apt-get install -y chromium\`, or set CHROMIUM_PATH.`);
  }
  return chromium.launch({
    executablePath: EXECUTABLE,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export async function offlineContext(
  browser: Browser,
  options: { width: number; colorScheme: 'light' | 'dark'; origin: string },
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: options.width, height: 900 },
    colorScheme: options.colorScheme,
    // axe-core is injected as an inline script, which the site's CSP rightly forbids.
    bypassCSP: true,
  });
  await context.route(
    (url) => url.origin !== options.origin,
    (route) => route.fulfill({ status: 200, contentType: 'image/svg+xml', body: PLACEHOLDER }),
  );
  return context;
}
