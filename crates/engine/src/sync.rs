//! Sync of the open person's data with the organisation's server (DESIGN §7): the person's [`Store`] as a
//! [`LocalReplica`] of protocol v1, and one run that records how it went for the status line.
//!
//! The HTTP, batching, retries and merge rules are `jobgate-sync`'s; the outbox and applying changes are the
//! store's. Where the server address and key come from (the app's settings and keychain, the CLI's
//! `JOBGATE_SYNC_URL` / `JOBGATE_SYNC_KEY`) is the front end's business; the key is passed in, never stored here.

use jobgate_core::{JobGateError, Reason};
use jobgate_store::Store;
use jobgate_sync::{
    ApiKey, Change, LocalReplica, Options, ServerConfig, SyncClient, SyncFailure, SyncReport,
    SystemClock,
};
use uuid::Uuid;

/// A person's store, seen by the sync run.
pub struct StoreReplica<'a> {
    store: &'a mut Store,
    profile: Uuid,
}

fn parse_uuid(s: &str, what: &str) -> Result<Uuid, JobGateError> {
    Uuid::parse_str(s).map_err(|e| {
        JobGateError::storage(
            // Which identifier, and the parser's account, are for support.
            Reason::new("reason-sync-stored-id").with_technical(format_args!("{what}: {e}")),
        )
    })
}

/// The store's change as the protocol's (the field names are the same).
fn to_wire(c: jobgate_store::sync::Change) -> Result<Change, JobGateError> {
    serde_json::to_value(c)
        .and_then(serde_json::from_value)
        .map_err(|e| {
            JobGateError::storage(Reason::new("reason-sync-change-unfit").with_technical(e))
        })
}

fn from_wire(c: &Change) -> Result<jobgate_store::sync::Change, JobGateError> {
    serde_json::to_value(c)
        .and_then(serde_json::from_value)
        .map_err(|e| JobGateError::internal(Reason::technical(e)))
}

impl<'a> StoreReplica<'a> {
    pub fn new(store: &'a mut Store) -> Result<StoreReplica<'a>, JobGateError> {
        let profile = parse_uuid(&store.profile_uuid()?, "profile id")?;
        Ok(StoreReplica { store, profile })
    }
}

impl LocalReplica for StoreReplica<'_> {
    fn profile_id(&self) -> Uuid {
        self.profile
    }

    fn pending(&mut self, limit: usize) -> Result<Vec<Change>, JobGateError> {
        self.store
            .outbox_pending(limit)?
            .into_iter()
            .map(to_wire)
            .collect()
    }

    fn pending_count(&mut self) -> Result<usize, JobGateError> {
        Ok(self.store.sync_status()?.pending.max(0) as usize)
    }

    fn mark_accepted(&mut self, change_ids: &[Uuid]) -> Result<(), JobGateError> {
        let ids: Vec<String> = change_ids.iter().map(Uuid::to_string).collect();
        self.store.outbox_accepted(&ids)
    }

    fn mark_rejected(
        &mut self,
        change_id: Uuid,
        error_code: &str,
        error: &str,
    ) -> Result<(), JobGateError> {
        self.store
            .outbox_rejected(&change_id.to_string(), error_code, error)
    }

    fn apply_pulled(&mut self, changes: &[Change], next_cursor: &str) -> Result<(), JobGateError> {
        let changes = changes
            .iter()
            .map(from_wire)
            .collect::<Result<Vec<_>, _>>()?;
        self.store
            .apply_pulled_page(&changes, Some(next_cursor))
            .map(drop)
    }

    fn cursor(&mut self) -> Result<Option<String>, JobGateError> {
        self.store.sync_cursor()
    }
}

/// Where and how to sync.
#[derive(Debug, Clone)]
pub struct SyncTarget {
    pub base_url: String,
    pub api_key: ApiKey,
    pub options: Options,
    pub timeout: std::time::Duration,
}

impl SyncTarget {
    pub fn new(base_url: &str, api_key: &str) -> SyncTarget {
        SyncTarget {
            base_url: base_url.trim().to_string(),
            api_key: ApiKey::new(api_key.trim()),
            options: Options::default(),
            timeout: ServerConfig::DEFAULT_TIMEOUT,
        }
    }
}

/// One sync of the person's data: turns sync on for this store (queuing its history the first time), pushes the
/// outbox, pulls, and records the outcome (last sync, or the last error) in the store.
pub fn sync_now(store: &mut Store, target: &SyncTarget) -> Result<SyncReport, SyncFailure> {
    let failure = SyncFailure::before_run;
    let local = |e: JobGateError| jobgate_sync::SyncError::Local(e);
    let prepared = store
        .enable_sync()
        .and_then(|_| store.device_id())
        .and_then(|d| parse_uuid(&d, "device id"));
    let device = prepared.map_err(|e| failure(local(e), 0))?;
    let mut config = ServerConfig::new(target.base_url.clone(), target.api_key.clone(), device);
    config.timeout = target.timeout;
    let pending_now = |store: &mut Store| {
        store
            .sync_status()
            .map(|s| s.pending.max(0) as usize)
            .unwrap_or(0)
    };
    let client = match SyncClient::new(config) {
        Ok(c) => c,
        Err(e) => {
            let pending = pending_now(store);
            return Err(failure(e, pending));
        }
    };
    let result = {
        let mut replica = StoreReplica::new(store).map_err(|e| failure(local(e), 0))?;
        jobgate_sync::sync_once(&client, &mut replica, &target.options, &SystemClock)
    };
    // The outcome is for the status line; failing to record it must not hide the run's own result.
    // Kept as data (the error's JSON), put into words in the reader's language when shown.
    let kept = result
        .as_ref()
        .err()
        .map(|f| JobGateError::from(f.error.clone()).to_kept());
    let _ = store.record_sync_result(kept.as_deref());
    result
}
