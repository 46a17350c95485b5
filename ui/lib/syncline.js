// Sync's status line (pending, refused, last sync, last problem) in the person's words: shown in
// Settings → Sync and on the Status screen.
import { el } from './dom.js';
import { t, tc } from './i18n.js';

/** A time from Rust (RFC 3339, UTC) in the person's language and time zone. */
function when(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(document.documentElement.lang || 'en', { dateStyle: 'medium', timeStyle: 'short' });
}

/** The status line's parts: pending (or nothing waiting), refused, last sync, last problem. */
export async function lineParts(v) {
  if (!v.enabled) return [{ text: t('ui-sync-off') }];
  const parts = [{ text: v.pending > 0 ? await tc('ui-sync-pending', v.pending) : t('ui-sync-nothing-waiting'), cls: 'sync-pending' }];
  if (v.rejected > 0) parts.push({ text: await tc('ui-sync-rejected', v.rejected), cls: 'bad' });
  parts.push({ text: v.last_sync_at ? t('ui-sync-last', { time: when(v.last_sync_at) }) : t('ui-sync-never'), cls: 'sync-last' });
  if (v.last_error) parts.push({ text: t('ui-sync-last-error', { error: v.last_error }), cls: 'bad sync-error' });
  return parts;
}

/** The status line as nodes, for Settings and the Status screen. */
export async function line(v) {
  const parts = await lineParts(v);
  return parts.map((p, i) => el('span', { class: p.cls ?? '', text: (i ? ' · ' : '') + p.text }));
}
