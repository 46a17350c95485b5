//! AI as the app holds it: the server chosen, whether the person agreed to send CV text there, the call in flight.

use super::{AppState, lock};
use jobgate_core::JobGateError;
use jobgate_core::Reason;

impl AppState {
    /// Points AI requests at another OpenAI-compatible server (tests use a local fake one).
    pub fn with_ai_server(mut self, base_url: &str) -> AppState {
        self.ai_server.base_url = base_url.to_string();
        self
    }

    /// The AI server with the key from the keychain (never `OPENROUTER_API_KEY`, which is the CLI's).
    pub fn ai_config(&self) -> jobgate_ai::AiConfig {
        jobgate_ai::AiConfig {
            api_key: self.api_key().ok().flatten().unwrap_or_default(),
            ..self.ai_server()
        }
    }

    /// The AI server without the key: the one chosen in Settings, else the environment's default.
    pub fn ai_server(&self) -> jobgate_ai::AiConfig {
        let s = self.settings();
        let mut cfg = self.ai_server.clone();
        if let Some(url) = s.ai_base_url {
            cfg.base_url = url;
        }
        if let Some(model) = s.ai_model {
            cfg.model = model;
        }
        cfg
    }

    /// Where AI requests go (host and port only, as the request uses them), for messages.
    pub fn ai_host(&self) -> String {
        self.ai_server().host()
    }

    /// The AI server that consent is given to: `scheme://host[:port]` exactly as requests go there (empty
    /// for an address the policy refuses, which no consent matches).
    pub fn ai_origin(&self) -> String {
        self.ai_server().origin()
    }

    /// Whether the person agreed to send CV text to the AI server in use now.
    pub fn ai_consented(&self) -> bool {
        let origin = self.ai_origin();
        !origin.is_empty() && self.settings().ai_consent_host.as_deref() == Some(origin.as_str())
    }

    /// A fresh cancel flag for an AI call that starts now (replacing a finished one's).
    pub fn start_ai_call(&self) -> jobgate_ai::CancelToken {
        let token = jobgate_ai::CancelToken::new();
        *lock(&self.ai_call) = Some(token.clone());
        token
    }

    /// Stops the AI call running now, if any.
    pub fn cancel_ai_call(&self) {
        if let Some(token) = lock(&self.ai_call).take() {
            token.cancel();
        }
    }

    /// Why AI cannot be switched on at all on this machine (the policy), if it cannot.
    pub fn ai_blocked(&self) -> Option<JobGateError> {
        (!self.policy.policy.allow_ai)
            .then(|| JobGateError::ai_unavailable(Reason::new("reason-policy-ai-off")))
    }

    /// The AI configuration when AI may be used now: allowed on this machine, switched on, agreed to for
    /// this server, and a key when the server needs one. Otherwise `AI_UNAVAILABLE` with the reason.
    pub fn ai_allowed(&self) -> Result<jobgate_ai::AiConfig, JobGateError> {
        if let Some(e) = self.ai_blocked() {
            return Err(e);
        }
        let s = self.settings();
        let unavailable = |id: &str| JobGateError::ai_unavailable(Reason::new(id));
        if !s.ai_enabled {
            return Err(unavailable("reason-ai-off-in-settings"));
        }
        if !self.ai_consented() {
            return Err(unavailable("reason-ai-no-consent"));
        }
        let cfg = self.ai_config();
        match jobgate_engine::ai::missing_key(&cfg) {
            Some(e) => Err(e),
            None => Ok(cfg),
        }
    }
}
