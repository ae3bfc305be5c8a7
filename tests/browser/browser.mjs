// Launches Debian's chromium through playwright-core (no downloaded browser) with a fresh
// profile, and records page errors and dialogs so tests can assert there were none.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const baseUrl = (process.env.PRESSKG_URL ?? 'http://127.0.0.1:8080/').replace(/\/?$/, '/');
export const artifacts = path.join(path.dirname(fileURLToPath(import.meta.url)), 'artifacts');

const kArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];

// Returns { context, page, errors, dialogs, close() }.
export async function openBrowser({ width = 1440, height = 900 } = {}) {
  const profile = await mkdtemp(path.join(tmpdir(), 'presskg-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: kArgs,
    viewport: { width, height },
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  const dialogs = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  page.setDefaultTimeout(15000);
  return {
    context,
    page,
    errors,
    dialogs,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page, name) {
  await page.screenshot({ path: path.join(artifacts, `${name}.png`) });
}

// Waits until the graph's fCoSE layout has finished.
export async function waitForLayout(page) {
  await page.waitForSelector('#graph[data-layout="done"]');
}

// The HTTP status of GET `apiPath` (e.g. "api/v1/path?from=1&to=2").
export async function apiStatus(apiPath) {
  const response = await fetch(new URL(apiPath, baseUrl));
  return {
    status: response.status,
    body: await response.json().catch(() => null),
  };
}
