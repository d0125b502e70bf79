import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/store/table-schema.js';
import { linkIn, startApiTestStack, uniqueAddress, type ApiTestStack } from '../api/api-test-stack.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = 'test-artifacts/browser';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Skipping the browser test: ${CHROMIUM} is missing (apt-get install -y chromium).`);

let stack: ApiTestStack;
let browser: Browser;

beforeAll(async () => {
  if (!hasChromium) return;
  mkdirSync(ARTIFACTS, { recursive: true });
  stack = await startApiTestStack();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe.skipIf(!hasChromium)('a person in headless Chromium', () => {
  it('signs up, confirms from the email, changes preferences, and unsubscribes', async () => {
    const email = uniqueAddress('browser');
    const page = await browser.newPage({ locale: 'en-US' });

    await page.goto(`${stack.url}/?lang=en`);
    await page.screenshot({ path: `${ARTIFACTS}/1-signup.png`, fullPage: true });
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Bills to follow').fill('1075342-8');
    await page.getByLabel('A daily digest').check();
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Check your email');
    await page.screenshot({ path: `${ARTIFACTS}/2-check-email.png`, fullPage: true });

    const [confirmation] = await stack.emailsTo(email);
    await page.goto(linkIn(confirmation!, '/confirm'));
    await page.screenshot({ path: `${ARTIFACTS}/3-confirm.png`, fullPage: true });
    await page.getByRole('button', { name: 'Confirm exactly this' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Subscription confirmed');
    await page.screenshot({ path: `${ARTIFACTS}/4-confirmed.png`, fullPage: true });

    await page.getByRole('link', { name: 'Change your preferences' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Your preferences');
    await page.getByLabel('Topics to follow').fill('"материнский капитал"');
    await page.getByLabel('Only these stages:').check();
    await page.getByLabel('Third reading').check();
    // Keyboard only: focus the save button and press Enter.
    await page.getByRole('button', { name: 'Save preferences' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Your preferences are saved.');
    await page.screenshot({ path: `${ARTIFACTS}/5-preferences-saved.png`, fullPage: true });

    const id = await stack.subscriberId(email);
    expect(await stack.item(keys.subscriber(id))).toMatchObject({
      status: 'active',
      bills: ['1075342-8'],
      topics: ['"материнский капитал"'],
      frequency: 'daily',
      stages: [5],
    });

    await page.getByRole('button', { name: 'Unsubscribe from everything' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('You are unsubscribed');
    await page.screenshot({ path: `${ARTIFACTS}/6-unsubscribed.png`, fullPage: true });
    expect((await stack.item(keys.subscriber(id)))?.status).toBe('unsubscribed');
    expect(await stack.item(keys.follower('1075342-8', id))).toBeUndefined();
  });
});
