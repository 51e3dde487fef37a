// Helpers of the scale-out test (scale-out.test.ts): the load balancer in front of the app servers
// (a round-robin HTTP proxy on the loopback interface), a browser-like HTTP client with a cookie
// and the CSRF header, and an SMTP sink that counts the e-mails each address receives.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { requestInit } from '../support/http.js';

/** The header the proxy adds to every answer: which backend served it. */
export const BACKEND_HEADER = 'x-test-backend';

export interface Backend {
  name: string;
  /** http://127.0.0.1:PORT */
  url: string;
}

export interface RoundRobinProxy {
  url: string;
  /** Requests forwarded to each backend, by name. */
  served: Record<string, number>;
  close(): Promise<void>;
}

/**
 * A load balancer with no affinity at all: request n goes to backend n mod k, whatever its cookie.
 * So a session works only if every app server can serve it (design §5: no sticky sessions).
 */
export function startRoundRobinProxy(backends: Backend[]): Promise<RoundRobinProxy> {
  let next = 0;
  const served: Record<string, number> = Object.fromEntries(backends.map((b) => [b.name, 0]));
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    const backend = backends[next++ % backends.length];
    served[backend.name]++;
    const target = new URL(backend.url);
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host, 'x-forwarded-for': req.socket.remoteAddress ?? '' },
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, [BACKEND_HEADER]: backend.name });
        answer.pipe(res);
      },
    );
    upstream.on('error', (e) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain', [BACKEND_HEADER]: backend.name });
      res.end(`proxy: ${e.message}`);
    });
    req.pipe(upstream);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        served,
        close: () =>
          new Promise<void>((r) => {
            agent.destroy();
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}

export interface Answer<T = any> {
  status: number;
  body: T;
  /** The backend that answered (through the proxy), or null when called directly. */
  backend: string | null;
}

/** A browser-like client over real sockets: it keeps the session cookie and sends the CSRF header. */
export class HttpClient {
  cookie: string | null = null;
  csrfToken: string | null = null;
  bearer: string | null = null;

  constructor(public base: string) {}

  /** The same session (cookie and CSRF token) spoken to another address. */
  at(base: string): HttpClient {
    const c = new HttpClient(base);
    c.cookie = this.cookie;
    c.csrfToken = this.csrfToken;
    c.bearer = this.bearer;
    return c;
  }

  async request<T = any>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
    const res = await fetch(`${this.base}${path}`, { ...requestInit(this, method, body), signal: AbortSignal.timeout(30_000) });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      this.cookie = pair.endsWith('=') ? null : pair;
    }
    const type = res.headers.get('content-type') ?? '';
    const parsed = type.includes('application/json') ? await res.json() : await res.text();
    return { status: res.status, body: parsed as T, backend: res.headers.get(BACKEND_HEADER) };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }

  async login(username: string, password: string): Promise<Answer> {
    const r = await this.request('POST', '/api/auth/login', { username, password });
    if (r.status !== 200) throw new Error(`login ${username} at ${this.base}: ${r.status} ${JSON.stringify(r.body)}`);
    this.csrfToken = r.body.csrfToken;
    return r;
  }
}

export interface SmtpSink {
  /** smtp://127.0.0.1:PORT */
  url: string;
  /** Recipients of every message accepted, in order. */
  received: { to: string[]; subject: string; at: number }[];
  /** The most messages ever waiting for their answer at one moment. */
  maxInFlight(): number;
  close(): Promise<void>;
}

/**
 * A minimal SMTP server (RFC 5321 without extensions) that accepts every message. Each app server
 * sends its digests one after another, so two messages waiting at once can only come from two
 * servers: the first message is held (up to `holdMs`) until a second one arrives, which makes the
 * two servers' e-mail runs overlap for certain, and then every answer waits `paceMs`, so they keep
 * overlapping and fight over the same digests.
 */
export function startSmtpSink(opts: { holdMs: number; paceMs: number }): Promise<SmtpSink> {
  const received: SmtpSink['received'] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const held: (() => void)[] = [];
  const sockets = new Set<net.Socket>();

  const accept = (to: string[], data: string, reply: () => void) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const subject = /^Subject: (.*)$/im.exec(data)?.[1] ?? '';
    const done = () => {
      inFlight--;
      received.push({ to, subject, at: Date.now() });
      reply();
    };
    if (maxInFlight >= 2) {
      for (const release of held.splice(0)) release();
      setTimeout(done, opts.paceMs);
      return;
    }
    const timer = setTimeout(() => {
      const at = held.indexOf(release);
      if (at >= 0) held.splice(at, 1);
      done();
    }, opts.holdMs);
    const release = () => {
      clearTimeout(timer);
      setTimeout(done, opts.paceMs);
    };
    held.push(release);
  };

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffer = '';
    let inData = false;
    let to: string[] = [];
    const say = (line: string) => {
      if (!socket.destroyed) socket.write(`${line}\r\n`);
    };
    say('220 127.0.0.1 ESMTP kiem-thu');
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('latin1');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          const data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          const rcpt = to;
          to = [];
          accept(rcpt, data, () => say('250 OK: đã nhận'));
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') say('250 127.0.0.1');
        else if (verb === 'MAIL' || verb === 'RSET' || verb === 'NOOP') {
          if (verb === 'RSET') to = [];
          say('250 OK');
        } else if (verb === 'RCPT') {
          to.push((/<([^>]*)>/.exec(line)?.[1] ?? '').toLowerCase());
          say('250 OK');
        } else if (verb === 'DATA') {
          inData = true;
          // A message ending right after the "DATA" line starts with its own "\r\n.\r\n" search.
          buffer = `\r\n${buffer}`;
          say('354 End data with <CR><LF>.<CR><LF>');
        } else if (verb === 'QUIT') {
          say('221 Bye');
          socket.end();
        } else say('502 Command not implemented');
      }
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `smtp://127.0.0.1:${port}`,
        received,
        maxInFlight: () => maxInFlight,
        close: () =>
          new Promise<void>((r) => {
            for (const release of held.splice(0)) release();
            for (const s of sockets) s.destroy();
            server.close(() => r());
          }),
      });
    });
  });
}
