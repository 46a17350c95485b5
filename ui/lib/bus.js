// A tiny event bus: screens say what happened (`emit`), others follow (`on`); no screen reaches into
// another's DOM or state. Handlers run in order and are awaited, so "after the language changed" means
// every screen has relabelled.

const handlers = new Map();

/** Follows `name`; returns a function that stops following. */
export function on(name, handler) {
  if (!handlers.has(name)) handlers.set(name, []);
  handlers.get(name).push(handler);
  return () => handlers.set(name, handlers.get(name).filter((h) => h !== handler));
}

/** Tells every follower of `name`, one after the other; resolves when all are done. */
export async function emit(name, payload) {
  for (const handler of handlers.get(name) ?? []) await handler(payload);
}
