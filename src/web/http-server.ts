import http from 'node:http';
import type { Express } from 'express';
import type { Config } from '../config';

/**
 * The HTTP server around the app, with its timeouts: the whole request, body included, must arrive
 * within REQUEST_TIMEOUT_MS (a body trickled at a byte a second is cut off with 408 and its
 * temporary file removed at once), headers within 20 s at most. Node checks these every
 * `connectionsCheckingInterval`; its default of 30 s would let a timeout run up to twice as long.
 */
export function createHttpServer(app: Express, config: Pick<Config, 'requestTimeoutMs'>): http.Server {
  const server = http.createServer(
    {
      requestTimeout: config.requestTimeoutMs,
      headersTimeout: Math.min(20_000, config.requestTimeoutMs),
      connectionsCheckingInterval: Math.min(1_000, config.requestTimeoutMs),
    },
    app,
  );
  server.keepAliveTimeout = 5_000;
  return server;
}
