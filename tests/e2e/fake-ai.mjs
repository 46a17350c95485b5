// A local OpenAI-compatible chat-completions server for the end-to-end tests (the only stand-in:
// OpenRouter is outside the machine). Answers by the kind of request the app sends; records them.
import http from 'node:http';

export function startFakeAi(port) {
  const requests = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      requests.push({ path: req.url, body });
      if (req.method !== 'POST' || !req.url.endsWith('/chat/completions')) {
        res.writeHead(404).end();
        return;
      }
      const text = body.includes('<achievement>')
        ? JSON.stringify({ rewrite: 'Automated 12 weekly sales reports, saving the team 6 hours a week' })
        : body.includes('summary')
          ? JSON.stringify({ summary: 'Data analyst who turns sales data into weekly decisions.' })
          : 'not JSON';
      if (JSON.parse(body).stream === true) {
        // Streamed like OpenRouter: a comment, the content in pieces, then [DONE].
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write(': OPENROUTER PROCESSING\n\n');
        const pieces = text.match(/.{1,12}/gs) ?? [];
        for (const piece of pieces) {
          res.write(`data: ${JSON.stringify({ id: 'gen-e2e', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] })}\n\n`);
        }
        res.end(`data: ${JSON.stringify({ id: 'gen-e2e', object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\ndata: [DONE]\n\n`);
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({
        id: 'gen-e2e', object: 'chat.completion', model: 'deepseek/deepseek-chat',
        choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: text } }],
      }));
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve({ server, requests })));
}
