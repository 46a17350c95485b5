//! A scripted OpenAI/OpenRouter-compatible server on 127.0.0.1 for tests and benches: it answers
//! `POST /v1/chat/completions` with the replies it was given, in order (the last one repeats), and records
//! every request it received.

#![allow(dead_code)]

use serde_json::{Value, json};
use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// One scripted answer.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
    pub delay: Duration,
    /// A streamed answer: pieces written one by one, each after its pause (`body` is then unused).
    pub chunks: Vec<(String, Duration)>,
}

impl Reply {
    /// A 200 chat completion whose message content is `content`.
    pub fn content(content: &str) -> Reply {
        let body = json!({
            "id": "gen-test",
            "object": "chat.completion",
            "model": "deepseek/deepseek-chat",
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": content}}],
            "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20}
        });
        Reply::status(200, &body.to_string())
    }

    /// A 200 chat completion whose content is `value` as JSON text.
    pub fn json(value: &Value) -> Reply {
        Reply::content(&value.to_string())
    }

    pub fn status(status: u16, body: &str) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: body.to_string(),
            delay: Duration::ZERO,
            chunks: Vec::new(),
        }
    }

    /// A 200 streamed chat completion (server-sent events, as OpenRouter sends them) whose content
    /// arrives in `pieces`, `gap` apart, then `finish_reason: stop` and `[DONE]`.
    pub fn stream(pieces: &[&str], gap: Duration) -> Reply {
        let mut chunks = vec![(": OPENROUTER PROCESSING\n\n".to_string(), Duration::ZERO)];
        for (i, piece) in pieces.iter().enumerate() {
            let delta = if i == 0 {
                json!({"role": "assistant", "content": piece})
            } else {
                json!({"content": piece})
            };
            let event = json!({"id": "gen-test", "object": "chat.completion.chunk",
                               "choices": [{"index": 0, "delta": delta, "finish_reason": null}]});
            chunks.push((
                format!("data: {event}\n\n"),
                if i == 0 { Duration::ZERO } else { gap },
            ));
        }
        let last = json!({"id": "gen-test", "object": "chat.completion.chunk",
                          "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]});
        chunks.push((format!("data: {last}\n\ndata: [DONE]\n\n"), gap));
        Reply::raw_stream(chunks)
    }

    /// A 200 event stream made of exactly these pieces.
    pub fn raw_stream(chunks: Vec<(String, Duration)>) -> Reply {
        Reply {
            chunks,
            ..Reply::status(200, "")
        }
    }

    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    pub fn delayed(mut self, delay: Duration) -> Reply {
        self.delay = delay;
        self
    }
}

/// A request as the server saw it. Header names are lower-case.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    pub path: String,
    pub headers: HashMap<String, String>,
    pub body: String,
}

impl Recorded {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).expect("request body is JSON")
    }
}

pub struct FakeServer {
    pub port: u16,
    requests: Arc<Mutex<Vec<Recorded>>>,
}

impl FakeServer {
    pub fn start(replies: Vec<Reply>) -> FakeServer {
        assert!(!replies.is_empty());
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = listener.local_addr().unwrap().port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let script = Arc::new(Mutex::new((replies, 0usize)));
        let recorded = requests.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let recorded = recorded.clone();
                let script = script.clone();
                std::thread::spawn(move || serve(stream, &recorded, &script));
            }
        });
        FakeServer { port, requests }
    }

    /// The base URL to put in `AiConfig::base_url`.
    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}/v1", self.port)
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.requests.lock().unwrap().clone()
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    }
}

fn serve(
    mut stream: TcpStream,
    recorded: &Mutex<Vec<Recorded>>,
    script: &Mutex<(Vec<Reply>, usize)>,
) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        if let Some(p) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break p;
        }
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
    let mut lines = head.split("\r\n");
    let first: Vec<&str> = lines.next().unwrap_or("").split(' ').collect();
    let headers: HashMap<String, String> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_lowercase(), v.trim().to_string()))
        .collect();
    let len: usize = headers
        .get("content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let mut body = buf[head_end + 4..].to_vec();
    while body.len() < len {
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => body.extend_from_slice(&chunk[..n]),
        }
    }
    recorded.lock().unwrap().push(Recorded {
        method: first.first().unwrap_or(&"").to_string(),
        path: first.get(1).unwrap_or(&"").to_string(),
        headers,
        body: String::from_utf8_lossy(&body).to_string(),
    });
    let reply = {
        let mut s = script.lock().unwrap();
        let i = s.1.min(s.0.len() - 1);
        s.1 += 1;
        s.0[i].clone()
    };
    if !reply.delay.is_zero() {
        std::thread::sleep(reply.delay);
    }
    if !reply.chunks.is_empty() {
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n";
        if stream.write_all(head.as_bytes()).is_err() {
            return;
        }
        for (chunk, pause) in &reply.chunks {
            std::thread::sleep(*pause);
            if stream
                .write_all(chunk.as_bytes())
                .and_then(|_| stream.flush())
                .is_err()
            {
                return; // The client went away (cancelled).
            }
        }
        return;
    }
    let mut out = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n",
        reply.status,
        reason(reply.status),
        reply.body.len()
    );
    for (k, v) in &reply.headers {
        out.push_str(&format!("{k}: {v}\r\n"));
    }
    out.push_str("\r\n");
    out.push_str(&reply.body);
    let _ = stream.write_all(out.as_bytes());
    let _ = stream.flush();
}
