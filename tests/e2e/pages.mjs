// Page objects for the Job Gate window: how the tests find things, in one place.
import { mkdirSync } from 'node:fs';
import path from 'node:path';

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
  async screenshot(name) {
    await this.b.saveScreenshot(path.join(ARTIFACTS, `${name}.png`));
  }
  /** The same call the drop handler and the native dialog make, with a path (WebDriver cannot drive OS dialogs). */
  // Results travel as JSON text: an object with an `error` field (our error JSON) would otherwise be
  // taken for a WebDriver error by the client.
  async importFile(file) {
    return JSON.parse(await this.b.execute((p) => window.jobgate.importPath(p).then((r) => JSON.stringify(r ?? null)), file));
  }
  async exportTo(file) {
    return JSON.parse(await this.b.execute((p) => window.jobgate.exportCv(p).then((r) => JSON.stringify(r ?? null)), file));
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
  async capabilities() { return this.b.execute(() => window.__TAURI__.core.invoke('capabilities')); }
}
