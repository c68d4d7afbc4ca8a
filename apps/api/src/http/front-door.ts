import { Server, type IncomingMessage, type ServerResponse } from 'node:http';
import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';

/**
 * How many connections the kernel may hold, handshake done, before the API accepts them.
 * Node's default (511) overflows when thousands of desktops reconnect at once, as a call
 * centre's do after a deploy: the overflow is dropped, each dropped client waits a full
 * SYN retransmission (1 s, then 3 s, 7 s…), and under load some get a reset instead
 * (measured: 2,000 connects at once → 1,488 waited over a second with 511, none with 4096).
 * The kernel caps it at `net.core.somaxconn` (4096 by default since Linux 5.4).
 */
export const LISTEN_BACKLOG = 4096;

/**
 * How long an idle keep-alive connection stays open. Longer than the proxy's: nginx keeps idle
 * upstream connections 60 s (`keepalive_timeout` in deploy/nginx/pepite.conf's upstream). With
 * Node's default of 5 s, the API closed connections nginx still counted on, and a request nginx
 * sent on one as it closed failed (a 502 for a POST, which nginx does not retry). Desktops that
 * poll every few seconds also keep their connection instead of opening one per poll.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/**
 * Answers a request itself and returns true, or returns false to let Express have it. A
 * handler that took a request may still hand it to Express later with `toExpress` (after
 * reading its body, for instance: it then sets `request.body`, which Express's parser keeps).
 */
export type FirstHandler = (request: IncomingMessage, response: ServerResponse, toExpress: () => void) => boolean;

/**
 * node:http's server, on which the first handler sees every request before it becomes a
 * 'request' event. A request the first handler answers never becomes one: neither Express
 * nor the server's other 'request' listeners run for it. There is one such listener besides
 * Express: Apollo's drain plugin (added by @nestjs/apollo) counts every request per socket
 * and puts a 'finish' listener on its response, so that a stopping server ends idle sockets
 * only. On the desktops' 304 poll that bookkeeping cost a fifth of the answer (profile of
 * bench/feed-304.mjs), and the first handler's answers need none of it: they end before the
 * handler returns, and event streams are ended by the instance itself on SIGTERM
 * (RulebookEventHub.endStreams) before anything else stops. A request handed on with
 * `toExpress` becomes the 'request' event then, for every listener, as any other.
 */
class FrontDoorServer extends Server {
  constructor(private readonly first: () => FirstHandler) {
    super();
  }

  override emit(event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request') {
      const [request, response] = args as [IncomingMessage, ServerResponse];
      if (this.first()(request, response, () => super.emit('request', request, response))) return true;
    }
    return super.emit(event as string, ...args);
  }
}

/**
 * Express under Nest, with one handler in front of it on the same node:http server: the
 * feed's answers from memory (FeedFastPath), for which Express's routing, middleware and
 * guards would cost several times what node:http does. The server is composed here, once,
 * instead of rewiring its listeners after start. Until `answerFirst` is called, everything
 * goes to Express.
 */
export class FrontDoorAdapter extends ExpressAdapter {
  private first: FirstHandler = () => false;

  answerFirst(handler: FirstHandler): void {
    this.first = handler;
  }

  override initHttpServer(options: NestApplicationOptions): void {
    // The API serves plain HTTP behind its proxy and uses neither of Nest's closing options.
    if (options.httpsOptions || options.forceCloseConnections || options.return503OnClosing) {
      throw new Error('FrontDoorAdapter supports neither httpsOptions nor Nest closing options');
    }
    const server = new FrontDoorServer(() => this.first);
    server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
    // A request's headers may take this long, counted from its first byte; above the keep-alive so
    // that the idle wait before a request never counts against them (Node's advice).
    server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
    server.on('request', this.getInstance<(request: IncomingMessage, response: ServerResponse) => void>());
    this.httpServer = server;
  }

  /** Nest calls `listen(port, host?, callback)`; the same, with the API's backlog. */
  override listen(port: string | number, ...args: unknown[]): Server {
    const callback = typeof args.at(-1) === 'function' ? (args.pop() as () => void) : undefined;
    const host = typeof args[0] === 'string' ? args[0] : undefined;
    return (this.httpServer as Server).listen({ port: Number(port), host, backlog: LISTEN_BACKLOG }, callback);
  }
}
