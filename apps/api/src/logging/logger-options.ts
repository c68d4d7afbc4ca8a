import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';

/** Structured JSON logs (pretty on a developer's terminal), one request id end to end. */
export function loggerOptions(level: string, pretty: boolean): Params {
  return {
    pinoHttp: {
      level,
      // The id was chosen by the request-id middleware, which runs first.
      genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id: string }).id,
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.body.variables.password'], censor: '[redacted]' },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      autoLogging: { ignore: (req) => req.url?.startsWith('/health/') ?? false },
      transport: pretty ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } } : undefined,
    },
  };
}
