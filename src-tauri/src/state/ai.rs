//! AI as the app holds it: the server chosen, whether the person agreed to send CV text there, the call in flight.

use super::{AppState, lock};
use jobgate_core::JobGateError;
use jobgate_engine::settings;

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
        self.settings().ai_server(&self.ai_server)
    }

    /// The environment's AI server (`JOBGATE_OPENROUTER_URL`, `JOBGATE_AI_MODEL`), before Settings.
    pub fn default_ai_server(&self) -> jobgate_ai::AiConfig {
        self.ai_server.clone()
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
        self.settings().ai_consented(&self.ai_origin())
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
        settings::ai_blocked(&self.policy.policy)
    }

    /// The AI configuration when AI may be used now (the engine's rule, [`settings::ai_usable`]), with
    /// the key from the keychain; otherwise `AI_UNAVAILABLE` with the reason.
    pub fn ai_allowed(&self) -> Result<jobgate_ai::AiConfig, JobGateError> {
        settings::ai_usable(&self.policy.policy, &self.settings(), self.ai_config())
    }

    /// Switches AI on or off as the person asked (see [`settings::ai_switch`]) and saves it.
    pub fn switch_ai(&self, enabled: bool, consent: Option<bool>) -> Result<(), JobGateError> {
        let agreed = settings::ai_switch(
            &self.policy.policy,
            &self.settings(),
            &self.ai_server(),
            enabled,
            consent,
        )?;
        self.update_settings(|s| {
            s.ai_enabled = enabled;
            if let Some(origin) = agreed {
                s.ai_consent_host = Some(origin);
            }
        })?;
        Ok(())
    }
}
