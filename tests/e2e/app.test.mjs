// End-to-end: the real app binary in a real WebKit window, driven through tauri-driver.
// Run by tests/e2e/run.sh (Xvfb, private D-Bus, unlocked keyring); `node --test` prints the summary.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, statSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { remote } from 'webdriverio';
import { execFileSync } from 'node:child_process';
import { JobGate } from './pages.mjs';
import { startFakeAi } from './fake-ai.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const SAMPLE = path.join(ROOT, 'tests/fixtures/corpus/files/001__even.pdf');
const CORPUS = (name) => path.join(ROOT, 'tests/fixtures/corpus/files', name);
const JOB = path.join(ROOT, 'tests/fixtures/jobs/backend_engineer_en.txt');
const SCAN = path.join(ROOT, 'tests/fixtures/scans/files/028__even__scan200__jpg.pdf');
const OUT = process.env.E2E_OUT_DIR ?? '/tmp';

let browser;
let app;
let ai;

/** Starts the app (a new process, which reads the policy file at start-up) in a WebDriver session. */
async function startApp() {
  assert.ok(process.env.APP_BIN, 'APP_BIN must point at the jobgate-desktop binary');
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
}

describe('Job Gate desktop app', () => {
  before(async () => {
    ai = await startFakeAi(Number(process.env.E2E_AI_PORT ?? 4599));
    await startApp();
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
    // Screen readers hear the result without the focus moving.
    await browser.waitUntil(async () => (await browser.execute(() => document.querySelector('#announce').textContent))
      === `Analysis finished: ATS score ${shown} out of 100.`, { timeout: 3000, timeoutMsg: 'analysis not announced' });
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

  it('stops the import of a scan with Cancel, from the keyboard, calmly and saving nothing', async () => {
    await app.answerDialog(SCAN);
    // The import runs in the page; its answer is kept for the test to take once Cancel is pressed.
    await browser.execute(() => { window.__e2eImport = window.jobgate.importPath().then((r) => JSON.stringify(r ?? null)); });
    await browser.waitUntil(async () => /page 1/.test(await app.text('#import-progress-text')),
      { timeout: 20000, timeoutMsg: 'OCR did not start on page 1' });
    await browser.execute(() => document.querySelector('#import-cancel').focus());
    await browser.keys('Enter');
    const result = JSON.parse(await browser.execute(() => window.__e2eImport));
    assert.equal(result.error_code, 'CANCELLED', JSON.stringify(result));
    await (await browser.$('#import-stopped')).waitForDisplayed({ timeout: 3000 });
    assert.equal(await app.text('#import-stopped'), 'Import stopped. Nothing was saved.');
    assert.equal(await app.errorText(), '', 'a stop is not an error');
    assert.equal(await (await browser.$('#import-progress')).isDisplayed(), false);
    // The focus went back to "Choose a file…" with the Cancel button gone.
    assert.equal(await browser.execute(() => document.activeElement?.id), 'choose-file');
    await app.screenshot('03b-import-stopped');
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
    assert.equal(JSON.parse(ai.requests.at(-1).body).stream, true, 'the wording is streamed into the app');
    // The wording can be taken once it is complete (the button waits while it streams in).
    await browser.waitUntil(async () => !(await browser.execute(() => document.querySelector('#rewrite-accept').disabled)),
      { timeout: 10000, timeoutMsg: 'the AI wording never became acceptable' });
    await app.screenshot('04-builder-ai-rewrite');
    await (await browser.$('#rewrite-accept')).click();
    await browser.waitUntil(async () => (await app.text('#builder-preview')).includes('Automated 12 weekly sales reports'), { timeout: 5000 });

    // The analysis view rewords one job's achievements too, streamed into a card in that job.
    await app.importFile(SAMPLE);
    const entry = await browser.execute(() => window.jobgate.current.cv.experience.findIndex((x) => x.achievements.length > 0));
    assert.ok(entry >= 0, 'the sample CV has a job with achievements');
    const asks = await browser.$$('#cv-editor button.ai-only');
    await asks[entry].click();
    await browser.waitUntil(async () => browser.execute((i) => {
      const card = document.querySelector(`[data-ai-entry="${i}"]`);
      return !card.hidden && card.dataset.streaming === 'false' && card.textContent.includes('Automated 12 weekly sales reports');
    }, entry), { timeout: 15000, timeoutMsg: 'the AI wording of the job was not offered' });
    await app.screenshot('17-import-ai-rewrite');
    await (await browser.$(`[data-ai-entry="${entry}"] button.primary`)).click();
    const achievements = await browser.execute((i) => window.jobgate.current.cv.experience[i].achievements, entry);
    assert.ok(achievements.every((a) => a.includes('Automated 12 weekly sales reports')), JSON.stringify(achievements));
  });

  it('exports the CV as a DOCX file', async (t) => {
    const caps = await app.capabilities();
    await app.open('export');
    if (!caps.export) return t.skip('the export crate has not landed in this build');
    // The preview shows page 1 of the PDF in the chosen template, and follows the choice.
    const preview = async () => browser.execute(() => {
      const img = document.querySelector('#export-preview-page');
      return { src: img.getAttribute('src') ?? '', width: img.naturalWidth, alt: img.alt };
    });
    await browser.waitUntil(async () => (await preview()).width > 0, { timeout: 10000, timeoutMsg: 'no preview drawn' });
    const first = await preview();
    assert.match(first.src, /^data:image\/svg\+xml/);
    assert.match(first.alt, /^Page 1 of your CV in the \w+ template/);
    await (await browser.$('#templates label:nth-of-type(2) input')).click();
    await browser.waitUntil(async () => (await preview()).src !== first.src, { timeout: 10000, timeoutMsg: 'preview did not follow the template' });
    await (await browser.$('#templates label:nth-of-type(1) input')).click();
    await browser.waitUntil(async () => (await preview()).src === first.src, { timeout: 10000 });
    await app.screenshot('05-export');
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

  it('goes from import to analysis to export with the keyboard alone', async (t) => {
    const caps = await app.capabilities();
    if (!caps.export) return t.skip('the export crate has not landed in this build');
    await browser.execute(() => { document.activeElement?.blur(); });
    await app.tabTo('#nav-import');
    await app.enter();
    await (await browser.$('#screen-import')).waitForDisplayed({ timeout: 5000 });
    // The sample again (the same CV in the history, so the tests after this one see what they expect).
    await app.answerDialog(SAMPLE);
    await browser.execute(() => { window.e2eBefore = window.jobgate.current.analysis; });
    await app.tabTo('#choose-file');
    await app.enter();
    await browser.waitUntil(async () => (await browser.execute(() => window.jobgate.current.analysis !== window.e2eBefore))
      && (await (await browser.$('#analysis')).isDisplayed()), { timeout: 15000, timeoutMsg: 'the file chosen by keyboard was not analysed' });
    // The analysis can be read by moving through it: the builder's and editor's fields are reachable too.
    await app.tabTo('#cv-editor input');
    await app.tabTo('#nav-export');
    await app.enter();
    await (await browser.$('#screen-export')).waitForDisplayed({ timeout: 5000 });
    await app.tabTo('#templates input:checked');
    await app.tabTo('#export-save');
    const target = path.join(OUT, 'e2e-keyboard.docx');
    rmSync(target, { force: true });
    await app.answerDialog(target);
    await app.enter();
    await browser.waitUntil(async () => existsSync(target) && statSync(target).size > 2000,
      { timeout: 15000, timeoutMsg: 'the export started by keyboard was not written' });
    await (await browser.$('#export-result')).waitForDisplayed({ timeout: 5000 });
  });

  it('lists the analysis in the history', async () => {
    await app.open('history');
    // The screen's heading takes the focus, so screen readers say where the user is.
    assert.equal(await browser.execute(() => document.activeElement?.id), 'history-title');
    await browser.pause(1500);
    await app.screenshot('06-history');
    assert.equal(await app.errorText(), '');
    await browser.waitUntil(async () => (await app.text('#history-analyses')).includes('001__even.pdf'), { timeout: 5000 });
    assert.ok(!(await app.text('#history-analyses')).includes('028__even__scan200'), 'a cancelled import is not kept');
  });

  it('ranks CVs against a job description on the Match screen, with scores and reasons', async () => {
    await app.open('match');
    const text = await app.openJobFile(JOB);
    assert.equal(typeof text, 'string', JSON.stringify(text));
    assert.match(await (await browser.$('#match-job')).getValue(), /Senior Backend Engineer/);
    await app.addMatchFiles([CORPUS('002__flat.pdf'), CORPUS('001__even.pdf'), CORPUS('003__stackoverflow.pdf')]);
    assert.equal((await browser.$$('#match-files li')).length, 3);
    await app.rank();
    assert.equal(await app.errorText(), '');
    const rows = await app.matchRows();
    assert.equal(rows.length, 3, JSON.stringify(rows));
    assert.equal(rows[0].rank, '1');
    assert.equal(rows[0].file, '001__even.pdf', 'the backend engineer CV ranks first');
    const score = (r) => Number(r.score.match(/[\d.]+/)[0]);
    assert.ok(score(rows[0]) > score(rows[1]) && score(rows[1]) >= score(rows[2]), JSON.stringify(rows));
    assert.match(rows[0].score, /\/ 100/);
    assert.match(await app.text('#match-count'), /3 CVs ranked/);
    // The reasons open under the row, from the keyboard too.
    const toggle = await browser.$('#match-rows tr.ranked button');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await toggle.click();
    await (await browser.$('#match-reasons-0')).waitForDisplayed({ timeout: 5000 });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    assert.match(await app.text('#match-reasons-0'), /required skills/i);
    assert.match(await app.text('#match-reasons-0'), /ATS score/);
    await app.screenshot('12-match-ranked');

    const csv = await app.saveMatchCsv(path.join(OUT, 'e2e-ranking.csv'));
    assert.equal(typeof csv, 'string', JSON.stringify(csv));
    const lines = readFileSync(csv, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.equal(lines.length, 4);
    assert.match(lines[1], /^1,.*001__even\.pdf/);

    // Removing a chosen file keeps the keyboard's place: the focus moves to the file now in its row.
    await (await browser.$('#match-files li:nth-child(2) button')).click();
    assert.equal((await browser.$$('#match-files li')).length, 2);
    assert.equal(await browser.execute(() => document.activeElement === document.querySelectorAll('#match-files button')[1]), true,
      'the focus is on the next file\'s Remove button');
  });

  it('compares two versions of a CV in the history and deletes the CV after confirming', async () => {
    // A second version: the imported analysis reopened, a field corrected and saved.
    await app.open('history');
    await browser.waitUntil(async () => (await app.text('#history-analyses')).includes('001__even.pdf'), { timeout: 5000 });
    await (await browser.$('#history-analyses li button')).click();
    await (await browser.$('#analysis')).waitForDisplayed({ timeout: 5000 });
    const headline = await browser.$('#cv-editor fieldset:first-of-type label:nth-of-type(5) input');
    await headline.setValue('Senior Backend Engineer (Go, Kubernetes)');
    await (await browser.$('#cv-save')).click();
    await browser.waitUntil(async () => (await app.text('#cv-save-result')).length > 0, { timeout: 5000 });
    // The analysis view compares the CV with a job description.
    await (await browser.$('#fit summary')).click();
    await browser.execute((t) => window.jobgate.checkFit(t), readFileSync(JOB, 'utf8'));
    await browser.waitUntil(async () => (await browser.$('#fit-score')).isExisting(), { timeout: 5000 });
    assert.match(await app.text('#fit-score'), /\/ 100/);
    await app.screenshot('14-import-job-fit');

    await app.open('history');
    const row = await browser.$('#history-cvs li[data-cv]');
    await row.waitForExist({ timeout: 5000 });
    await (await row.$('button.compare-cv')).click();
    await (await browser.$('#compare')).waitForDisplayed({ timeout: 5000 });
    await browser.waitUntil(async () => (await browser.$$('#diff .diff-section.changed')).length > 0, { timeout: 5000 });
    assert.match(await app.text('#diff .diff-section.changed'), /Senior Backend Engineer \(Go, Kubernetes\)/);
    await app.screenshot('15-history-compare');
    // Closing the comparison gives the focus back to the row's "Compare" button, not the top of the page.
    await app.click('#compare-close');
    assert.equal(await browser.execute(() => document.activeElement?.classList.contains('compare-cv')), true,
      'the focus went back to the Compare button');
    await (await row.$('button.compare-cv')).click();
    await (await browser.$('#compare')).waitForDisplayed({ timeout: 5000 });

    const before = (await browser.$$('#history-cvs li[data-cv]')).length;
    await (await row.$('button.delete-cv')).click();
    await (await browser.$('#confirm-delete-cv')).waitForDisplayed({ timeout: 5000 });
    assert.match(await app.text('#confirm-delete-cv-text'), /Files you exported stay/);
    await app.screenshot('16-history-delete-confirm');
    await (await browser.$('#confirm-delete-cv-yes')).click();
    await browser.waitUntil(async () => (await browser.$$('#history-cvs li[data-cv]')).length === before - 1,
      { timeout: 5000, timeoutMsg: 'the CV is still listed' });
    assert.ok(!(await app.text('#history-analyses')).includes('001__even.pdf'), 'its analyses went with it');
    assert.equal(await (await browser.$('#compare')).isDisplayed(), false);
    assert.match(await app.text('#history-result'), /deleted/);
    // The deleted row's button is gone: the focus is on the CV now in its place, or the list's heading.
    assert.equal(await browser.execute(() => Boolean(document.activeElement?.closest('#history-cvs li[data-cv]')
      || document.activeElement?.id === 'history-cvs-title')), true, 'the focus stayed in the list of CVs');
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

  it('syncs the history with the organisation\'s server: address, key, test, consent, Sync now', async () => {
    const url = process.env.E2E_SYNC_URL;
    const key = process.env.E2E_SYNC_KEY;
    assert.ok(url && key, 'run.sh starts the reference sync server and sets E2E_SYNC_URL and E2E_SYNC_KEY');
    await app.open('settings');
    // Off by default: nothing leaves the machine.
    assert.equal(await (await browser.$('#sync-enabled')).isSelected(), false);
    assert.match(await app.text('#sync-line'), /Sync is off/);
    await app.type('#sync-url', url);
    await app.click('#sync-url-save');
    await browser.waitUntil(async () => (await app.text('#sync-server')).includes(url.replace(/\/$/, '')),
      { timeout: 5000, timeoutMsg: 'the server was not saved' });
    await app.type('#sync-key', key);
    await app.click('#sync-key-save');
    await browser.waitUntil(async () => (await app.text('#sync-key-state')).includes('…'), { timeout: 10000, timeoutMsg: 'key not saved' });
    assert.equal(await (await browser.$('#sync-key')).getValue(), '');
    await app.click('#sync-test');
    await browser.waitUntil(async () => /Connected to http:\/\/127\.0\.0\.1:\d+/.test(await app.text('#sync-test-result')),
      { timeout: 15000, timeoutMsg: 'Test connection did not succeed' });
    // Turning sync on says what is sent and where, and asks.
    await app.click('#sync-enabled');
    await (await browser.$('#confirm-sync')).waitForDisplayed({ timeout: 5000 });
    assert.match(await app.text('#confirm-sync-text'), /127\.0\.0\.1:\d+/);
    await app.screenshot('22-settings-sync-consent');
    await app.click('#confirm-sync-yes');
    await browser.waitUntil(async () => (await (await browser.$('#sync-enabled')).isSelected())
      && (await (await browser.$('#sync-now')).isEnabled()), { timeout: 5000, timeoutMsg: 'sync not on' });
    await app.click('#sync-now');
    await browser.waitUntil(async () => {
      const line = await app.text('#sync-line');
      return line.includes('Nothing waiting to be sent') && line.includes('Last successful sync');
    }, { timeout: 30000, timeoutMsg: 'Sync now did not finish with nothing waiting' });
    assert.equal(await app.errorText(), '');
    assert.ok(!(await browser.getPageSource()).includes(key), 'the full key is not in the page');
    await browser.execute(() => document.querySelector('#sync-line').scrollIntoView({ block: 'center' }));
    await app.screenshot('22-settings-sync');
    await app.open('status');
    await browser.waitUntil(async () => (await app.text('#status-sync')).includes('Reachable'),
      { timeout: 10000, timeoutMsg: 'the Status screen does not show the sync server reachable' });
    assert.match(await app.text('#status-sync'), /Nothing waiting to be sent/);
    await app.screenshot('23-status-sync');
  });

  it('Settings → Updates: this build has no update server, says so, and offers nothing to press', async () => {
    await app.open('settings');
    await browser.waitUntil(async () => (await app.text('#update-version')).includes('0.1.0'),
      { timeout: 5000, timeoutMsg: 'the installed version is not shown' });
    assert.match(await app.text('#update-blocked'), /built without an update server/);
    assert.equal(await (await browser.$('#update-auto')).isSelected(), false);
    assert.equal(await (await browser.$('#update-auto')).isEnabled(), false);
    assert.equal(await (await browser.$('#update-check')).isEnabled(), false);
    assert.equal(await (await browser.$('#update-available')).isDisplayed(), false);
    assert.equal(await app.errorText(), '');
    await browser.execute(() => document.querySelector('#update-settings').scrollIntoView({ block: 'center' }));
    await app.screenshot('24-settings-updates');
  });

  it('has no serious or critical accessibility violations on any screen in English (axe-core)', async () => {
    const found = await app.auditScreens();
    assert.deepEqual(found, {}, JSON.stringify(found, null, 2));
  });

  it('switches the whole interface to Arabic, right to left', async () => {
    await app.open('settings');
    await (await browser.$('#lang-ar')).click();
    await browser.waitUntil(async () => (await app.dir()) === 'rtl', { timeout: 5000 });
    assert.equal(await browser.execute(() => document.documentElement.lang), 'ar');
    assert.match(await app.text('#nav-import'), /[\u0600-\u06FF]/);
    assert.match(await app.text('#settings-title'), /[\u0600-\u06FF]/);
    // What the screen on show wrote itself (not only the static labels) is said again at once, without
    // leaving it: Settings → Profile's state line and the AI key's state.
    await browser.waitUntil(async () => /[\u0600-\u06FF]/.test(await app.text('#profile-state')),
      { timeout: 5000, timeoutMsg: 'Settings → Profile stayed in English after switching to Arabic' });
    assert.match(await app.text('#ai-key-state'), /[\u0600-\u06FF]/);
    // The sidebar is mirrored: it now sits on the right.
    const side = await browser.execute(() => document.querySelector('.sidebar').getBoundingClientRect().left);
    const main = await browser.execute(() => document.querySelector('main').getBoundingClientRect().left);
    assert.ok(side > main, `sidebar at ${side}, main at ${main}`);
    await app.screenshot('08-settings-ar');
    await app.open('import');
    // The English analysis shown before is said again in Arabic: every check, suggestion and warning.
    // Outside the CV's own words (isolated in <bdi>), only names of products and formats stay Latin.
    await browser.waitUntil(async () => browser.execute(() => {
      const items = [...document.querySelectorAll('#checklist li')];
      return items.length >= 6 && items.every((li) => /[\u0600-\u06FF]/.test(li.textContent));
    }), { timeout: 5000, timeoutMsg: 'the checklist stayed in English after switching to Arabic' });
    const latin = await browser.execute(() => {
      const out = [];
      for (const node of document.querySelectorAll('#analysis .check-head, #analysis .check-fix, #suggestions li, #warnings li, #score-verdict')) {
        const copy = node.cloneNode(true);
        for (const b of copy.querySelectorAll('bdi')) b.remove();
        const text = copy.textContent.replace(/\S+@\S+/g, '');
        out.push(...(text.match(/[A-Za-z]+/g) ?? []));
      }
      return out;
    });
    const names = new Set(['ATS', 'PDF', 'DOCX', 'docx', 'Word', 'Job', 'Gate', 'Google', 'Docs', 'OpenRouter', 'Excel', 'SQL',
      'OCR', 'Tesseract']);
    assert.deepEqual(latin.filter((w) => !names.has(w)), [], 'Latin words outside the CV\'s own words');
    assert.ok(await browser.execute(() => document.querySelectorAll('#checklist bdi').length > 0), 'the CV\'s words are isolated');
    await app.screenshot('09-import-ar');
  });

  it('shows the Match screen right to left in Arabic', async () => {
    await app.open('match');
    assert.equal(await app.dir(), 'rtl');
    assert.match(await app.text('#match-title'), /[\u0600-\u06FF]/);
    assert.equal(await browser.execute(() => getComputedStyle(document.querySelector('#match-table')).direction), 'rtl');
    // The rank column is the first from the right; file names stay isolated in <bdi>.
    const [rank, file] = await browser.execute(() => {
      const r = document.querySelector('#match-rows tr.ranked');
      return [r.cells[0].getBoundingClientRect().left, r.cells[1].getBoundingClientRect().left];
    });
    assert.ok(rank > file, `rank at ${rank}, file at ${file}`);
    assert.equal(await browser.execute(() => document.querySelector('#match-rows .file').tagName), 'BDI');
    assert.match(await app.text('#match-count'), /[\u0600-\u06FF]/);
    await app.screenshot('13-match-ar');
  });

  it('shows the status screen', async () => {
    await app.open('status');
    await browser.waitUntil(async () => (await app.text('#status-version')).length > 0, { timeout: 5000 });
    assert.match(await app.text('#status-storage'), /سليم|OK/);
    await app.screenshot('10-status-ar');
    // After the switch, no visible text outside the CV's (or the job's, or a person's) own words is in
    // Latin script but names of products, formats and templates — the builder's conversation too, said
    // again in Arabic although its session (and CV) started in English (tests/e2e/artifacts/latin-ar.json).
    const names = new Set(['ATS', 'PDF', 'DOCX', 'Word', 'Job', 'Gate', 'Google', 'Docs', 'OpenRouter', 'DeepSeek',
      'OpenAI', 'Ollama', 'Excel', 'SQL', 'CSV', 'JSON', 'Resume', 'English', 'Classic', 'Modern', 'Compact', 'default',
      'PNG', 'JPEG', 'TIFF', 'OCR', 'Tesseract']);
    const report = {};
    for (const screen of ['import', 'builder', 'export', 'match', 'history', 'settings', 'status']) {
      await app.open(screen);
      report[screen] = await browser.execute((id) => {
        const out = [];
        const walker = document.createTreeWalker(document.getElementById(`screen-${id}`), NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const p = n.parentElement;
          if (!p || p.closest('bdi, [dir="auto"], script, style, [hidden]') || !p.getClientRects().length) continue;
          // Isolated runs (U+2068…U+2069) are someone's own words; so are addresses.
          const text = n.textContent.replace(/\u2068[^\u2069]*\u2069/g, '').replace(/\S+@\S+|\S+:\/\/\S+/g, '');
          for (const w of text.match(/[A-Za-z]{2,}/g) ?? []) out.push({ word: w, in: `${p.tagName.toLowerCase()}${p.id ? '#' + p.id : ''}: ${n.textContent.trim().slice(0, 60)}` });
        }
        return out;
      }, screen);
    }
    writeFileSync(path.join(ROOT, 'tests/e2e/artifacts/latin-ar.json'), JSON.stringify(report, null, 2));
    for (const [screen, found] of Object.entries(report)) {
      const stray = found.filter((f) => !names.has(f.word));
      assert.deepEqual(stray, [], `Latin words on the ${screen} screen in Arabic`);
    }
    // Every screen in Arabic, audited by axe-core: nothing serious or critical.
    const found = await app.auditScreens();
    assert.deepEqual(found, {}, JSON.stringify(found, null, 2));
    await app.open('settings');
    await (await browser.$('#lang-en')).click();
    await browser.waitUntil(async () => (await app.dir()) === 'ltr', { timeout: 5000 });
    await app.open('status');
    // The screen fills in as its checks answer (the sync server's health among them): wait for the new language.
    await browser.waitUntil(async () => (await app.text('#status-storage')) === 'OK', {
      timeout: 5000, timeoutMsg: 'the storage status stayed in the old language',
    });
    await app.screenshot('11-status');
  });

  it('says everything around an Arabic CV in English when the app is in English', async () => {
    await app.importFile(CORPUS('030__stackoverflow.pdf'));
    await browser.waitUntil(async () => browser.execute(() => document.querySelectorAll('#checklist li').length >= 6),
      { timeout: 10000, timeoutMsg: 'the Arabic CV was not analysed' });
    assert.equal(await app.dir(), 'ltr');
    // Outside the CV's own words (in <bdi> or dir="auto"), no Arabic letter on the import and analysis screen.
    const arabic = await browser.execute(() => {
      const out = [];
      const walker = document.createTreeWalker(document.getElementById('screen-import'), NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const p = n.parentElement;
        if (!p || p.closest('bdi, [dir="auto"], script, style, [hidden]') || !p.getClientRects().length) continue;
        const text = n.textContent.replace(/\u2068[^\u2069]*\u2069/g, '');
        for (const w of text.match(/[\u0600-\u06FF]+/g) ?? []) out.push({ word: w, in: `${p.tagName.toLowerCase()}${p.id ? '#' + p.id : ''}: ${n.textContent.trim().slice(0, 60)}` });
      }
      return out;
    });
    writeFileSync(path.join(ROOT, 'tests/e2e/artifacts/arabic-en.json'), JSON.stringify(arabic, null, 2));
    assert.deepEqual(arabic, [], 'Arabic words outside the CV\'s own words in English');
    await app.screenshot('11b-import-arabic-cv-en');
  });

  it('keeps two people on one machine apart: a passcode, Lock now, a guest, unlock', async () => {
    // Amal makes her own profile with a passcode and analyses her CV.
    await app.click('#switch-person');
    await app.picker();
    assert.equal(await app.text('#picker-title'), 'Who is using Job Gate?');
    // The profile made on first use is shown under a label, first; the command line still calls it "default".
    assert.equal(await app.text('#picker-people li:first-child button'), 'Main profile');
    assert.equal(await app.attr('#picker-people li:first-child button', 'data-person'), 'default');
    await app.screenshot('18-picker');
    await app.click('#picker-new');
    await (await browser.$('#new-person')).waitForDisplayed({ timeout: 5000 });
    assert.equal(await browser.execute(() => document.activeElement.id), 'new-person-name');
    await app.type('#new-person-name', 'Amal');
    await app.type('#new-person-passcode', 'amal-2468');
    await app.type('#new-person-repeat', 'amal-2468');
    await app.click('#new-person-create');
    await app.signedIn('Amal');
    assert.equal(await (await browser.$('#who-locked')).isDisplayed(), true);
    const result = await app.importFile(SAMPLE);
    assert.equal(result.error_code, undefined, JSON.stringify(result));
    assert.match(await app.historyFiles(), /001__even\.pdf/);

    // She locks: the unlock dialog asks for her passcode, nothing of hers is on screen.
    await app.click('#lock-now');
    await app.picker();
    await (await browser.$('#unlock')).waitForDisplayed({ timeout: 5000 });
    assert.equal(await app.text('#unlock-title'), 'Unlock “Amal”');
    assert.equal(await browser.execute(() => document.activeElement.id), 'unlock-passcode');
    assert.ok(!(await browser.getPageSource()).includes('001__even'), 'the locked CV is not in the page');
    await app.type('#unlock-passcode', 'not-hers');
    await app.click('#unlock-submit');
    await browser.waitUntil(async () => (await app.text('#unlock-error')) === 'That passcode is not right.',
      { timeout: 10000, timeoutMsg: 'a wrong passcode was not reported' });
    await app.click('#unlock-forgot summary');
    assert.match(await app.text('#unlock-forgot'), /cannot be recovered/);
    await app.screenshot('19-unlock');
    await app.click('#unlock-cancel');
    assert.deepEqual((await app.pickerPeople()).filter((n) => n === 'Amal'), ['Amal']);

    // The next visitor is a guest and never sees Amal's CV.
    await app.click('#picker-guest');
    await app.signedIn('Guest');
    assert.ok(!(await app.historyFiles()).includes('001__even'), 'the guest sees Amal\'s CV');
    await app.screenshot('20-guest-history');

    // The guest exports their CV; when they leave, they are asked whether to delete it from this computer.
    assert.equal((await app.importFile(SAMPLE)).error_code, undefined);
    await app.open('export');
    await browser.waitUntil(async () => browser.execute(() => Boolean(document.querySelector('input[name="template"]:checked'))),
      { timeout: 10000, timeoutMsg: 'no template to export with' });
    const guestFile = path.join(OUT, 'guest-cv.docx');
    assert.equal(await app.exportTo(guestFile), guestFile);
    await app.click('#switch-person');
    await app.picker();
    const asked = await browser.$('#guest-files');
    await asked.waitForDisplayed({ timeout: 5000 });
    assert.equal(await app.text('#guest-files-title'), 'Files saved in the guest session');
    assert.match(await app.text('#guest-files-list'), /guest-cv\.docx/);
    assert.equal(await (await browser.$('#guest-file-0')).isSelected(), true);
    // Nothing of a guest should outlive the session (the default policy): Delete has the focus.
    assert.equal(await browser.execute(() => document.activeElement.id), 'guest-files-delete');
    await app.screenshot('24-guest-files');
    await app.click('#guest-files-delete');
    await browser.waitUntil(async () => (await app.text('#gate-errors')) === 'Files deleted: 1',
      { timeout: 5000, timeoutMsg: 'the deletion was not reported' });
    assert.ok(!existsSync(guestFile), 'the guest\'s file is still on disk');
    assert.equal(await asked.isDisplayed(), false);

    const pickerEn = await app.audit();
    assert.deepEqual(pickerEn, [], `the picker: ${JSON.stringify(pickerEn, null, 2)}`);
    // The picker in Arabic: right to left, the default profile under its Arabic label.
    await app.click('#gate-lang-ar');
    await browser.waitUntil(async () => (await app.dir()) === 'rtl', { timeout: 5000 });
    assert.match(await app.text('#picker-title'), /[\u0600-\u06FF]/);
    assert.equal(await app.text('#picker-people li:first-child button'), 'الملف الرئيسي');
    await app.screenshot('18-picker-ar');
    const pickerAr = await app.audit();
    assert.deepEqual(pickerAr, [], `the picker in Arabic: ${JSON.stringify(pickerAr, null, 2)}`);
    await app.click('#gate-lang-en');
    await browser.waitUntil(async () => (await app.dir()) === 'ltr', { timeout: 5000 });

    // Amal comes back with her passcode and finds her CV (the guest has left: the picker shows).
    await app.click('#picker-people button[data-person="Amal"]');
    await (await browser.$('#unlock')).waitForDisplayed({ timeout: 5000 });
    await app.type('#unlock-passcode', 'amal-2468');
    await app.click('#unlock-submit');
    await app.signedIn('Amal');
    assert.match(await app.historyFiles(), /001__even\.pdf/);
    await app.open('settings');
    await browser.waitUntil(async () => (await app.text('#profile-state')).includes('encrypted'), { timeout: 5000 });
    await app.screenshot('21-settings-profile');
  });
});

// A career centre's machine: the administrator's policy file (JOBGATE_POLICY, set by run.sh) requires passcodes,
// turns AI off and locks after one idle minute (whole minutes are the policy's unit: the real minute is waited).
describe('On a machine with a policy', () => {
  const policyFile = process.env.JOBGATE_POLICY;

  before(async () => {
    if (!policyFile) return;
    writeFileSync(policyFile, 'require_passcode = true\nallow_ai = false\nidle_lock_minutes = 1\n');
    await startApp();
  });

  after(async () => {
    await browser?.deleteSession().catch(() => {}); // the last test quits the app
    if (policyFile) rmSync(policyFile, { force: true });
  });

  it('requires a passcode for a new person, shows AI off by policy, and locks after an idle minute', async (t) => {
    if (!policyFile) return t.skip('JOBGATE_POLICY is not set (run.sh sets it)');
    // Two people on the machine: the picker shows, nobody is signed in.
    await app.picker();
    // A profile without a passcode must choose one before it opens.
    await app.click('#picker-people button[data-person="default"]');
    await (await browser.$('#unlock')).waitForDisplayed({ timeout: 5000 });
    assert.equal(await app.text('#unlock-title'), 'Choose a passcode for “Main profile”');
    await app.click('#unlock-cancel');
    // A new person cannot leave the passcode out.
    await app.click('#picker-new');
    await (await browser.$('#new-person')).waitForDisplayed({ timeout: 5000 });
    assert.equal(await app.text('#new-person-passcode-label'), 'Passcode (required on this computer)');
    assert.equal(await browser.execute(() => document.querySelector('#new-person-passcode').required), true);
    await app.type('#new-person-name', 'Basma');
    await app.click('#new-person-create');
    assert.equal(await browser.execute(() => document.querySelector('#new-person-passcode').validity.valueMissing), true);
    assert.equal(await (await browser.$('#new-person')).isDisplayed(), true, 'created without a passcode');
    await app.screenshot('25-policy-new-person');
    await app.type('#new-person-passcode', 'basma-1357');
    await app.type('#new-person-repeat', 'basma-1357');
    await app.click('#new-person-create');
    await app.signedIn('Basma');
    // The idle minute counts from here (the page reports activity at most every 20 s).
    const signedIn = Date.now();
    await app.open('settings');
    await browser.waitUntil(async () => (await (await browser.$('#ai-blocked')).isDisplayed()),
      { timeout: 5000, timeoutMsg: 'the policy\'s AI block is not shown' });
    assert.match(await app.text('#ai-blocked'), /policy/);
    assert.equal(await (await browser.$('#ai-enabled')).isEnabled(), false);
    assert.equal(await (await browser.$('#passcode-remove')).isEnabled(), false);
    // Settings → Profile lists what the administrator set.
    assert.deepEqual(await browser.execute(() => [...document.querySelectorAll('#profile-policy-rules li')].map((li) => li.textContent)),
      ['Every profile needs a passcode.', 'A profile locks after 1 min without activity.', 'AI is turned off.']);
    await app.screenshot('26-policy-settings');
    await browser.execute(() => document.querySelector('#ai-blocked').scrollIntoView({ block: 'center' }));
    await app.screenshot('26-policy-settings-ai');

    // Nobody touches the app: within the minute (and the 5 s the watcher takes) Basma is locked, and the
    // unlock dialog asks for her passcode.
    await browser.waitUntil(async () => {
      try {
        return await browser.execute(() => !document.querySelector('#gate').hidden && document.querySelector('#unlock').open);
      } catch { return false; } // mid-reload
    }, { timeout: 80000, interval: 1000, timeoutMsg: 'the app did not lock after an idle minute' });
    const waited = (Date.now() - signedIn) / 1000;
    assert.ok(waited >= 55, `locked after ${waited} s`);
    assert.equal(await app.text('#unlock-title'), 'Unlock “Basma”');
    assert.equal(await browser.execute(() => document.activeElement.id), 'unlock-passcode');
    assert.equal(await app.text('#gate-errors'), 'Locked after a time without activity.');
    assert.equal(await (await browser.$('#who-name')).isDisplayed(), false);
    await app.screenshot('27-idle-locked');
    await app.type('#unlock-passcode', 'basma-1357');
    await app.click('#unlock-submit');
    await app.signedIn('Basma');
  });

  it('asks a guest who closes the window about the files they exported, then quits', async (t) => {
    if (!policyFile) return t.skip('JOBGATE_POLICY is not set (run.sh sets it)');
    if (!process.env.E2E_WM_CLOSE) return t.skip('no X11 client to close the window (run.sh builds tests/e2e/wm-close.c)');
    await app.click('#switch-person');
    await app.picker();
    await app.click('#picker-guest');
    await app.signedIn('Guest');
    assert.equal((await app.importFile(SAMPLE)).error_code, undefined);
    await app.open('export');
    await browser.waitUntil(async () => browser.execute(() => Boolean(document.querySelector('input[name="template"]:checked'))),
      { timeout: 10000, timeoutMsg: 'no template to export with' });
    const guestFile = path.join(OUT, 'guest-quitting.docx');
    assert.equal(await app.exportTo(guestFile), guestFile);
    const close = () => execFileSync(process.env.E2E_WM_CLOSE);
    const asking = async () => (await browser.$('#guest-files')).waitForDisplayed({ timeout: 5000 });
    // The close waits for the answer; "Don't quit" stays.
    close();
    await asking();
    assert.match(await app.text('#guest-files-text'), /stay after Job Gate closes/);
    assert.equal(await app.text('#guest-files-delete'), 'Delete the ticked files and quit');
    await app.screenshot('28-guest-quitting');
    await app.click('#guest-files-stay');
    await browser.pause(500);
    assert.equal(await app.text('#who-name'), 'Guest');
    // Asked again: delete, and the app quits.
    close();
    await asking();
    await app.click('#guest-files-delete');
    await browser.waitUntil(async () => !existsSync(guestFile), { timeout: 5000, timeoutMsg: 'the guest\'s file is still on disk' });
    await browser.waitUntil(async () => { try { await browser.execute(() => 1); return false; } catch { return true; } },
      { timeout: 10000, timeoutMsg: 'the app did not quit' });
  });
});
