// A minimal structured logger: one JSON object per line on a stream (stderr by
// default), with levels. Callers never pass API keys to it.

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** createLogger({ level: 'info', stream: process.stderr }) → { debug, info, warn, error } */
export function createLogger({ level = 'info', stream = process.stderr } = {}) {
  const threshold = LEVELS[level];
  if (threshold === undefined) throw new Error(`unknown log level ${level} (one of ${Object.keys(LEVELS).join(', ')})`);
  const log = (name) => (msg, fields = {}) => {
    if (LEVELS[name] < threshold) return;
    stream.write(JSON.stringify({ time: new Date().toISOString(), level: name, msg, ...fields }) + '\n');
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

export const silentLogger = createLogger({ level: 'silent' });
