//! Reading a streamed chat completion (server-sent events) and showing its text while it grows.
//!
//! OpenAI-compatible servers stream `data: {json}` lines, each carrying `choices[0].delta.content`,
//! and end with `data: [DONE]`; OpenRouter adds `: OPENROUTER PROCESSING` comment lines while it waits.
//! [`SseReader`] turns bytes into those events. The model answers JSON (`{"summary": "…"}`), so the
//! text a person should see while it arrives is the value of one field of a still-unfinished JSON
//! object: [`partial_field`] reads it. The final answer is still validated as a whole
//! ([`crate::answer`]); what is shown while streaming is only a preview of it.

use serde_json::Value;

/// One event of a streamed chat completion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StreamEvent {
    /// More text of the assistant's message.
    Delta(String),
    /// The model stopped, and why (`stop`, `length`, …).
    Finish(String),
    /// The server reported an error inside the stream (`{"error": {"message": …}}`).
    Error(String),
    /// `data: [DONE]`: nothing more will come.
    Done,
}

/// Splits a byte stream into server-sent events. Lines may arrive cut anywhere, even inside a UTF-8
/// character, so bytes are kept until a whole line is there.
#[derive(Debug, Default)]
pub struct SseReader {
    pending: Vec<u8>,
}

impl SseReader {
    pub fn new() -> SseReader {
        SseReader::default()
    }

    /// Feeds bytes as they arrive; returns the events of every line they complete.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<StreamEvent> {
        self.pending.extend_from_slice(bytes);
        let mut events = Vec::new();
        while let Some(end) = self.pending.iter().position(|&b| b == b'\n') {
            let line: Vec<u8> = self.pending.drain(..=end).collect();
            let line = String::from_utf8_lossy(&line);
            events.extend(event_of_line(line.trim_end_matches(['\r', '\n'])));
        }
        events
    }

    /// The events of a last line that had no newline after it.
    pub fn finish(&mut self) -> Vec<StreamEvent> {
        let rest = std::mem::take(&mut self.pending);
        let line = String::from_utf8_lossy(&rest);
        event_of_line(line.trim()).into_iter().collect::<Vec<_>>()
    }
}

fn event_of_line(line: &str) -> Vec<StreamEvent> {
    // Comments (`: keep-alive`), `event:`/`id:` fields and blank separators carry no text.
    let Some(data) = line.strip_prefix("data:") else {
        return Vec::new();
    };
    let data = data.trim();
    if data == "[DONE]" {
        return vec![StreamEvent::Done];
    }
    let Ok(v) = serde_json::from_str::<Value>(data) else {
        return Vec::new();
    };
    if let Some(err) = v.get("error") {
        let msg = err
            .get("message")
            .and_then(Value::as_str)
            .or_else(|| err.as_str())
            .unwrap_or("unknown error");
        let msg: String = msg.split_whitespace().collect::<Vec<_>>().join(" ");
        return vec![StreamEvent::Error(msg.chars().take(160).collect())];
    }
    let mut events = Vec::new();
    if let Some(choice) = v.get("choices").and_then(|c| c.get(0)) {
        if let Some(text) = choice.pointer("/delta/content").and_then(Value::as_str)
            && !text.is_empty()
        {
            events.push(StreamEvent::Delta(text.to_string()));
        }
        if let Some(reason) = choice.get("finish_reason").and_then(Value::as_str) {
            events.push(StreamEvent::Finish(reason.to_string()));
        }
    }
    events
}

/// The text of string field `field` in the JSON object the model is still writing, as far as it has
/// come: `{"summary": "Data analy` → `Data analy`. A model that answers plain text instead of JSON
/// gets its text back as it is. `None` until the field's value has started.
pub fn partial_field(content: &str, field: &str) -> Option<String> {
    let trimmed = content.trim_start();
    let body = trimmed
        .strip_prefix("```json")
        .or_else(|| trimmed.strip_prefix("```"))
        .unwrap_or(trimmed)
        .trim_start();
    if !body.is_empty() && !body.starts_with(['{', '[']) {
        return Some(body.trim_end_matches('`').trim_end().to_string());
    }
    let key = format!("\"{field}\"");
    let after_key = &body[body.find(&key)? + key.len()..];
    let after_colon = after_key.trim_start().strip_prefix(':')?.trim_start();
    let value = after_colon.strip_prefix('"')?;
    Some(decode_partial_string(value))
}

/// Decodes a JSON string body up to its closing quote or the end of what has arrived; an escape cut
/// off at the end is left out until the rest of it comes.
fn decode_partial_string(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => break,
            '\\' => match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('r' | 'b' | 'f') => {}
                Some('u') => {
                    let hex: String = chars.by_ref().take(4).collect();
                    if hex.len() < 4 {
                        break;
                    }
                    // Half of a surrogate pair is skipped here: the final answer has the character.
                    if let Some(ch) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                        out.push(ch);
                    }
                }
                Some(other) => out.push(other),
                None => break,
            },
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_are_read_across_cut_lines_and_characters() {
        let stream = ": OPENROUTER PROCESSING\n\n\
            data: {\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"{\\\"summary\\\": \\\"محللة\"}}]}\n\n\
            data: {\"choices\":[{\"delta\":{\"content\":\" بيانات\\\"}\"},\"finish_reason\":\"stop\"}]}\n\n\
            data: [DONE]\n\n";
        let bytes = stream.as_bytes();
        // Feed in 7-byte pieces: lines and Arabic letters are cut in the middle.
        let mut reader = SseReader::new();
        let mut events = Vec::new();
        for piece in bytes.chunks(7) {
            events.extend(reader.feed(piece));
        }
        events.extend(reader.finish());
        assert_eq!(
            events,
            vec![
                StreamEvent::Delta("{\"summary\": \"محللة".into()),
                StreamEvent::Delta(" بيانات\"}".into()),
                StreamEvent::Finish("stop".into()),
                StreamEvent::Done,
            ]
        );
    }

    #[test]
    fn an_error_inside_the_stream_is_an_event() {
        let mut reader = SseReader::new();
        let events =
            reader.feed(b"data: {\"error\":{\"message\":\"Provider   returned error\"}}\n");
        assert_eq!(
            events,
            vec![StreamEvent::Error("Provider returned error".into())]
        );
    }

    #[test]
    fn a_last_line_without_newline_is_read_at_the_end() {
        let mut reader = SseReader::new();
        assert!(reader.feed(b"data: [DONE]").is_empty());
        assert_eq!(reader.finish(), vec![StreamEvent::Done]);
    }

    #[test]
    fn the_field_text_grows_with_the_answer() {
        let full = r#"{"summary": "Data analyst with \"six\" years\nof work \u00e9t\u00e9."}"#;
        let mut seen = Vec::new();
        for end in 0..=full.len() {
            if !full.is_char_boundary(end) {
                continue;
            }
            if let Some(t) = partial_field(&full[..end], "summary") {
                seen.push(t);
            }
        }
        assert_eq!(seen.first().map(String::as_str), Some(""));
        assert_eq!(
            seen.last().unwrap(),
            "Data analyst with \"six\" years\nof work été."
        );
        // Every preview is a beginning of the next one: the text never jumps back.
        for pair in seen.windows(2) {
            assert!(pair[1].starts_with(&pair[0]), "{pair:?}");
        }
    }

    #[test]
    fn no_preview_before_the_field_starts_and_plain_text_is_shown_as_is() {
        assert_eq!(partial_field("{\"summ", "summary"), None);
        assert_eq!(partial_field("{\"rewrite\":", "rewrite"), None);
        assert_eq!(
            partial_field("```json\n{\"rewrite\": \"Led", "rewrite").as_deref(),
            Some("Led")
        );
        assert_eq!(
            partial_field("Led a team of 5", "rewrite").as_deref(),
            Some("Led a team of 5")
        );
    }
}
