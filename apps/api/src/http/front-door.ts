import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';

/**
 * Answers a request itself and returns true, or returns false to let Express have it. A
 * handler that took a request may still hand it to Express later with `toExpress` (after
 * reading its body, for instance: it then sets `request.body`, which Express's parser keeps).
 */
export type FirstHandler = (request: IncomingMessage, response: ServerResponse, toExpress: () => void) => boolean;

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
    const express = this.getInstance<(request: IncomingMessage, response: ServerResponse) => void>();
    this.httpServer = createServer((request, response) => {
      const toExpress = () => express(request, response);
      if (!this.first(request, response, toExpress)) toExpress();
    });
  }
}
