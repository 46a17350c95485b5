// Page objects for the Job Gate window: how the tests find things, in one place.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// axe-core (npm), injected into the page to audit what is on screen.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const ARTIFACTS = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

export class JobGate {
  constructor(browser) { this.b = browser; }

  async ready() {
    await this.b.waitUntil(async () => (await this.b.execute(() => document.body.dataset.ready)) === 'true',
      { timeout: 20000, timeoutMsg: 'the UI never became ready' });
  }
  async open(screen) {
    await (await this.b.$(`#nav-${screen}`)).click();
    await (await this.b.$(`#screen-${screen}`)).waitForDisplayed({ timeout: 5000 });
  }
  /**
   * The serious and critical accessibility violations axe-core finds in what the window shows now (hidden
   * screens and closed dialogs are not audited), as `{id, impact, help, nodes}`.
   */
  async audit() {
    if (!(await this.b.execute(() => Boolean(window.axe)))) await this.b.execute(AXE);
    const json = await this.b.executeAsync((done) => {
      window.axe.run(document, { resultTypes: ['violations'] })
        .then((r) => done(JSON.stringify(r.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) })))))
        .catch((e) => done(JSON.stringify([{ id: 'axe-failed', impact: 'critical', help: String(e), nodes: [] }])));
    });
    return JSON.parse(json);
  }
  /** Audits every screen of the main window (see {@link audit}); `{screen: violations}` for those with any. */
  async auditScreens() {
    const found = {};
    for (const screen of ['import', 'builder', 'export', 'match', 'history', 'settings', 'status']) {
      await this.open(screen);
      const v = await this.audit();
      if (v.length) found[screen] = v;
    }
    return found;
  }
  /**
   * Moves the focus with the keyboard alone (Tab, or Shift+Tab when the target comes earlier in the page)
   * until `selector` has it; fails when it cannot be reached in `max` presses.
   */
  async tabTo(selector, max = 120) {
    for (let i = 0; i < max; i++) {
      const where = await this.b.execute((sel) => {
        const target = document.querySelector(sel);
        const now = document.activeElement;
        if (!target) return 'missing';
        if (now === target) return 'here';
        if (!now || now === document.body) return 'after';
        return now.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING ? 'after' : 'before';
      }, selector);
      if (where === 'here') return;
      if (where === 'missing') throw new Error(`no ${selector} on the page`);
      const key = where === 'after' ? this.b.action('key').down('\uE004').up('\uE004')
        : this.b.action('key').down('\uE008').down('\uE004').up('\uE004').up('\uE008');
      await key.perform();
    }
    throw new Error(`${selector} cannot be reached with the keyboard`);
  }
  /** Presses Enter on whatever has the focus. */
  async enter() { await this.b.action('key').down('\uE007').up('\uE007').perform(); }
  async screenshot(name) {
    await this.b.saveScreenshot(path.join(ARTIFACTS, `${name}.png`));
  }
  /**
   * Answers the next native dialog with `paths` (WebDriver cannot drive OS dialogs) through the hook only
   * debug builds have; the page itself never passes a path to the shell.
   */
  async answerDialog(...paths) {
    await this.b.execute((p) => window.__TAURI__.core.invoke('e2e_answer_dialog', { paths: p }), paths);
  }
  // Results travel as JSON text: an object with an `error` field (our error JSON) would otherwise be
  // taken for a WebDriver error by the client.
  async importFile(file) {
    await this.answerDialog(file);
    return JSON.parse(await this.b.execute(() => window.jobgate.importPath().then((r) => JSON.stringify(r ?? null))));
  }
  async exportTo(file) {
    await this.answerDialog(file);
    return JSON.parse(await this.b.execute(() => window.jobgate.exportCv().then((r) => JSON.stringify(r ?? null))));
  }
  async errorText() {
    const card = await this.b.$('#errors .error-card');
    return (await card.isExisting()) ? card.getText() : '';
  }
  async text(selector) { return (await this.b.$(selector)).getText(); }
  async attr(selector, name) { return (await this.b.$(selector)).getAttribute(name); }
  async dir() { return this.b.execute(() => document.documentElement.dir); }
  async errorCode() {
    const card = await this.b.$('#errors .error-card');
    if (!(await card.isExisting())) return null;
    return card.getAttribute('data-code');
  }
  // ---- Match screen ---------------------------------------------------------------------------
  /** Reads a job description file into the box (what "Open a file…" does after its dialog). */
  async openJobFile(file) {
    await this.answerDialog(file);
    return JSON.parse(await this.b.execute(() => window.jobgate.openJobFile().then((r) => JSON.stringify(r ?? null))));
  }
  /** Adds CV files to the list ("Add files…" with its dialog answered). */
  async addMatchFiles(files) {
    await this.answerDialog(...files);
    return this.b.execute(() => window.jobgate.pickMatchFiles());
  }
  async saveMatchCsv(file) {
    await this.answerDialog(file);
    return JSON.parse(await this.b.execute(() => window.jobgate.saveMatchCsv().then((r) => JSON.stringify(r ?? null))));
  }
  /** Clicks Rank and waits for the table (or an error card). */
  async rank() {
    await (await this.b.$('#match-rank')).click();
    await this.b.waitUntil(async () => (await this.b.$('#match-rank')).isEnabled() && (
      (await (await this.b.$('#match-results')).isDisplayed()) || (await (await this.b.$('#errors .error-card')).isExisting())),
    { timeout: 60000, timeoutMsg: 'the ranking did not finish' });
  }
  /** The ranked rows as the table shows them. */
  async matchRows() {
    return this.b.execute(() => [...document.querySelectorAll('#match-rows tr.ranked')].map((tr) => ({
      rank: tr.cells[0].textContent.trim(),
      file: tr.querySelector('.file').textContent,
      score: tr.querySelector('td.score').textContent,
      missing: tr.cells[4].textContent,
    })));
  }

  // ---- People on one machine -------------------------------------------------------------------
  // Every change of person reloads the page; these wait for the page that comes after it.
  async #settled(check, what, ...args) {
    try {
      await this.b.waitUntil(async () => {
        try { return await this.b.execute(check, ...args); } catch { return false; } // mid-reload
      }, { timeout: 20000, timeoutMsg: what });
    } catch (e) {
      const seen = await this.b.execute(() => ({
        ready: document.body.dataset.ready, gate: !document.querySelector('#gate').hidden,
        who: document.querySelector('#who-name')?.textContent,
        errors: [...document.querySelectorAll('.form-error, .error-card')].map((n) => n.textContent).join(' | '),
      })).catch(() => null);
      throw new Error(`${what}; the page shows ${JSON.stringify(seen)}`, { cause: e });
    }
  }
  /** Waits for the picker ("Who is using Job Gate?"). */
  async picker() {
    await this.#settled(() => document.body.dataset.ready === 'true' && !document.querySelector('#gate').hidden,
      'the picker did not show');
  }
  /** Waits until `name` (or "Guest") is signed in and the app shows. */
  async signedIn(name) {
    await this.#settled((n) => document.body.dataset.ready === 'true' && !document.querySelector('#app').hidden
      && document.querySelector('#who-name').textContent === n, `${name} is not signed in`, name);
  }
  async click(selector) { await (await this.b.$(selector)).click(); }
  async type(selector, text) { await (await this.b.$(selector)).setValue(text); }
  /** The person buttons of the picker, by name. */
  async pickerPeople() {
    return this.b.execute(() => [...document.querySelectorAll('#picker-people button.person')].map((b) => b.dataset.person));
  }
  /** The file names of the analyses History lists. */
  async historyFiles() {
    await this.open('history');
    await this.b.pause(500);
    return this.text('#history-analyses');
  }

  async capabilities() { return this.b.execute(() => window.__TAURI__.core.invoke('capabilities')); }
}
