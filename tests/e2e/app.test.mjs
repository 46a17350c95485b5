// End-to-end: the real app binary in a real WebKit window, driven through tauri-driver.
// Run by tests/e2e/run.sh (Xvfb, private D-Bus, unlocked keyring); `node --test` prints the summary.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { remote } from 'webdriverio';
import { JobGate } from './pages.mjs';
import { startFakeAi } from './fake-ai.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const SAMPLE = path.join(ROOT, 'tests/fixtures/corpus/files/001__even.pdf');
const OUT = process.env.E2E_OUT_DIR ?? '/tmp';

let browser;
let app;
let ai;

describe('Job Gate desktop app', () => {
  before(async () => {
    assert.ok(process.env.APP_BIN, 'APP_BIN must point at the jobgate-desktop binary');
    ai = await startFakeAi(Number(process.env.E2E_AI_PORT ?? 4599));
    browser = await remote({
      hostname: '127.0.0.1',
      port: Number(process.env.E2E_DRIVER_PORT ?? 4444),
      logLevel: 'warn',
      capabilities: {
        'wdio:enforceWebDriverClassic': true, // tauri-driver does not proxy WebDriver BiDi
        'tauri:options': { application: process.env.APP_BIN },
      },
    });
    app = new JobGate(browser);
    await app.ready();
  });

  after(async () => { await browser?.deleteSession(); ai?.server.close(); });

  it('opens a window titled "Job Gate" in English, left to right', async () => {
    assert.equal(await browser.getTitle(), 'Job Gate');
    assert.equal(await app.dir(), 'ltr');
    assert.equal(await app.text('#nav-import'), 'Import & analyse');
    await app.screenshot('01-import-empty');
  });

  it('imports the sample PDF and shows its ATS score and checklist', async () => {
    const result = await app.importFile(SAMPLE);
    assert.equal(result.error_code, undefined, `import failed: ${JSON.stringify(result)}`);
    await (await browser.$('#analysis')).waitForDisplayed({ timeout: 10000 });
    const shown = Number(await app.text('#score-number'));
    assert.ok(shown >= 0 && shown <= 100, `score ${shown}`);
    assert.equal(shown, Math.round(result.analysis.ats_score * 10) / 10);
    const checks = await browser.$$('#checklist li');
    assert.ok(checks.length >= 6, `${checks.length} checks`);
    const label = await app.attr('#gauge', 'aria-label');
    assert.match(label, new RegExp(`ATS score: ${shown}`));
    const name = await (await browser.$('#cv-editor input')).getValue();
    assert.ok(name.trim().length > 0, 'the extracted name is shown in the editor');
    await app.screenshot('02-import-analysed');
  });

  it('shows a missing file as an error card with a suggested action', async () => {
    await app.importFile('/nonexistent/cv.pdf');
    assert.equal(await app.errorCode(), 'FILE_NOT_FOUND');
    const card = await app.text('#errors .error-card');
    assert.match(card, /What you can do/);
    await app.screenshot('03-import-error');
    await (await browser.$('#errors .error-card button')).click();
  });

  it('builds a CV in a short builder session', async (t) => {
    const caps = await app.capabilities();
    if (!caps.builder) return t.skip('the builder crate has not landed in this build');
    await app.open('builder');
    await (await browser.$('#builder-start')).click();
    await (await browser.$('#chat li.bot')).waitForDisplayed({ timeout: 5000 });
    for (const answer of ['Sara Haddad', 'sara.haddad@example.com', '+962 7 9123 4567']) {
      const before = (await browser.$$('#chat li')).length;
      await (await browser.$('#builder-answer')).setValue(answer);
      await (await browser.$('#builder-send')).click();
      await browser.waitUntil(async () => (await browser.$$('#chat li')).length > before + 1, { timeout: 5000 });
    }
    assert.match(await app.text('#builder-preview'), /Sara Haddad/);
    assert.ok(Number(await app.attr('#builder-progress', 'value')) > 0);
    await app.screenshot('04-builder');
  });

  it('asks before AI is turned on, then offers AI wording in the builder', async () => {
    await app.open('settings');
    assert.equal(await (await browser.$('#builder-ai')).isDisplayed(), false);
    await (await browser.$('#ai-enabled')).click();
    const dialog = await browser.$('#confirm-ai');
    await dialog.waitForDisplayed({ timeout: 5000 });
    assert.match(await app.text('#confirm-ai-text'), /127\.0\.0\.1:\d+/);
    await app.screenshot('07-settings-ai-consent');
    await (await browser.$('#confirm-ai-yes')).click();
    await browser.waitUntil(async () => (await browser.execute(() => window.jobgate.current.settings?.ai_enabled)) === true,
      { timeout: 5000, timeoutMsg: 'AI was not turned on after agreeing' });
    assert.equal(ai.requests.length, 0, 'nothing is sent when AI is turned on');

    await app.open('builder');
    await browser.execute(() => window.jobgate.builderStart(false));
    const before = ai.requests.length;
    for (const answer of ['Sara Haddad', 'sara.haddad@example.com', '+962 7 9123 4567', 'Amman', 'Data Analyst', '/skip',
      'Data Analyst', 'Arab Bank', '2019 - 2023', 'made weekly reports']) {
      await browser.execute((a) => window.jobgate.builderSend(a), answer);
    }
    await (await browser.$('#builder-ai')).click();
    await browser.waitUntil(async () => (await app.text('#rewrite-text')).includes('Automated 12 weekly sales reports'),
      { timeout: 10000, timeoutMsg: 'the AI wording was not offered' });
    assert.ok(ai.requests.length > before);
    await app.screenshot('04-builder-ai-rewrite');
    await (await browser.$('#rewrite-accept')).click();
    await browser.waitUntil(async () => (await app.text('#builder-preview')).includes('Automated 12 weekly sales reports'), { timeout: 5000 });
  });

  it('exports the CV as a DOCX file', async (t) => {
    const caps = await app.capabilities();
    await app.open('export');
    await app.screenshot('05-export');
    if (!caps.export) return t.skip('the export crate has not landed in this build');
    const target = path.join(OUT, 'e2e-cv.docx');
    const written = await app.exportTo(target);
    assert.equal(typeof written, 'string', JSON.stringify(written));
    assert.ok(existsSync(written) && statSync(written).size > 2000, `${written} missing or tiny`);
    const bytes = readFileSync(written);
    assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'a DOCX is a zip file');
    assert.ok(bytes.includes(Buffer.from('word/document.xml')), 'the zip holds word/document.xml');
    assert.match(await app.text('#export-result'), /e2e-cv\.docx/);
    await app.screenshot('05-export-done');
  });

  it('lists the analysis in the history', async () => {
    await app.open('history');
    await browser.pause(1500);
    await app.screenshot('06-history');
    assert.equal(await app.errorText(), '');
    await browser.waitUntil(async () => (await app.text('#history-analyses')).includes('001__even.pdf'), { timeout: 5000 });
  });

  it('saves the AI key in the keychain and shows it only masked', async () => {
    const key = 'sk-or-v1-e2e0123456789abcdef0123456789';
    await app.open('settings');
    await (await browser.$('#ai-key')).setValue(key);
    await (await browser.$('#ai-key-save')).click();
    await browser.pause(1500);
    await app.screenshot('07-settings');
    assert.equal(await app.errorText(), '');
    await browser.waitUntil(async () => (await app.text('#ai-key-state')).includes('…6789'), { timeout: 10000 });
    assert.ok(!(await browser.getPageSource()).includes(key), 'the full key is not in the page');
    assert.equal(await (await browser.$('#ai-key')).getValue(), '');
    await app.screenshot('07-settings');
  });

  it('switches the whole interface to Arabic, right to left', async () => {
    await app.open('settings');
    await (await browser.$('#lang-ar')).click();
    await browser.waitUntil(async () => (await app.dir()) === 'rtl', { timeout: 5000 });
    assert.equal(await browser.execute(() => document.documentElement.lang), 'ar');
    assert.match(await app.text('#nav-import'), /[\u0600-\u06FF]/);
    assert.match(await app.text('#settings-title'), /[\u0600-\u06FF]/);
    // The sidebar is mirrored: it now sits on the right.
    const side = await browser.execute(() => document.querySelector('.sidebar').getBoundingClientRect().left);
    const main = await browser.execute(() => document.querySelector('main').getBoundingClientRect().left);
    assert.ok(side > main, `sidebar at ${side}, main at ${main}`);
    await app.screenshot('08-settings-ar');
    await app.open('import');
    await app.screenshot('09-import-ar');
  });

  it('shows the status screen', async () => {
    await app.open('status');
    await browser.waitUntil(async () => (await app.text('#status-version')).length > 0, { timeout: 5000 });
    assert.match(await app.text('#status-storage'), /سليم|OK/);
    await app.screenshot('10-status-ar');
    await app.open('settings');
    await (await browser.$('#lang-en')).click();
    await browser.waitUntil(async () => (await app.dir()) === 'ltr', { timeout: 5000 });
    await app.open('status');
    assert.equal(await app.text('#status-storage'), 'OK');
    await app.screenshot('11-status');
  });
});
