//! The sync client engine for protocol v1 (DESIGN §7): no window, no store, no keychain.
//!
//! A front end builds a [`SyncClient`] from a [`ServerConfig`] (URL checked, key kept out of every printout),
//! hands [`sync_once`] the profile's store as a [`LocalReplica`], and shows the [`SyncReport`] or the
//! [`SyncFailure`] (which always says how many changes are still waiting).
//!
//! - [`protocol`]: the wire JSON.
//! - [`config`]: the URL policy and the redacted key.
//! - [`client`]: one request at a time, status codes turned into [`SyncError`]s.
//! - [`run`]: a whole run: batching, splitting, retries with backoff, the outbox rules.
//! - [`merge`]: who wins when two machines wrote the same record.
//! - [`memory`]: an in-memory replica, the reference for the SQLite one.
//!
//! Left to others: the outbox table and the SQLite replica (`crates/store`, adapted to [`LocalReplica`] where
//! both crates are known), where the key and URL are kept (keychain, settings, `JOBGATE_SYNC_URL` and
//! `JOBGATE_SYNC_KEY`), and the last error kept for the status screen. `jobgate_core::JobGateError::SyncFailed`
//! carries only a reason, so [`SyncFailure::to_response`] adds `details.pending` to the error JSON.

pub mod client;
pub mod config;
pub mod error;
pub mod memory;
pub mod merge;
pub mod protocol;
pub mod run;

pub use client::{Remote, SyncClient};
pub use config::{ApiKey, ServerConfig, ServerUrl};
pub use error::SyncError;
pub use memory::MemoryReplica;
pub use protocol::{Change, Entity, Op};
pub use run::{Clock, LocalReplica, Options, SyncFailure, SyncReport, SystemClock, sync_once};
