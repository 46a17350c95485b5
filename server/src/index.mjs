// The sync server's public API, for backends that embed it.
export { createSyncHandler } from './handler.mjs';
export { createPool, migrate, listMigrations, MIGRATIONS_DIR } from './db.mjs';
export { createAccount, ensureAccount, findAccountByKey, generateApiKey, hashApiKey } from './accounts.mjs';
export { startServer } from './server.mjs';
export { createLogger, silentLogger } from './logger.mjs';
export * from './protocol.mjs';
