import { connect } from 'node:net';

export interface RawAnswer {
  /** The status line's code, 0 when nothing came back. */
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Milliseconds from connecting to the connection's close. */
  ms: number;
}

/**
 * Writes `chunks` to a fresh connection to the API (each after `pauseMs`)
 * without ending it, and reads until the server closes it: for what an HTTP
 * client library would not send, such as a body that never arrives.
 */
export function rawRequest(
  url: string,
  chunks: Array<string | Buffer>,
  options: { pauseMs?: number; timeoutMs?: number } = {},
): Promise<RawAnswer> {
  const { port } = new URL(url);
  const started = Date.now();
  return new Promise((resolve) => {
    const received: Buffer[] = [];
    const socket = connect(Number(port), '127.0.0.1', async () => {
      for (const chunk of chunks) {
        if (socket.destroyed) return;
        socket.write(chunk);
        await new Promise((wait) => setTimeout(wait, options.pauseMs ?? 0));
      }
    });
    socket.setTimeout(options.timeoutMs ?? 10_000, () => socket.destroy());
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(parse(Buffer.concat(received).toString('utf8'), Date.now() - started)));
  });
}

function parse(text: string, ms: number): RawAnswer {
  const end = text.indexOf('\r\n\r\n');
  const [statusLine, ...lines] = (end < 0 ? text : text.slice(0, end)).split('\r\n');
  const headers = Object.fromEntries(
    lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
  );
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1] ?? 0), headers, body: end < 0 ? '' : text.slice(end + 4), ms };
}
