import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { invalidInputError } from '@pepite/api/errors';
import { DesktopStatusFastPath } from '@pepite/api/return-path';
import { FeedFastPath } from '@pepite/api/rulebook';
import { AppModule } from './app.module';
import type { ApiConfig } from './config/api-config';
import { FrontDoorAdapter } from './http/front-door';
import { serveGraphiql } from './http/graphiql-page';
import { jsonBody } from './http/json-body';
import { requestContextMiddleware } from './http/request-context';
import { requestId } from './http/request-id';
import { securityHeaderValues, securityHeaders } from './http/security-headers';
import { serveStaticApps } from './http/static-apps';
import { ApiMetrics } from './metrics/api-metrics';

/** Builds the API (not listening yet); used by main.ts and by the end-to-end tests. */
export async function createApi(config: ApiConfig, databaseUrl: string): Promise<NestExpressApplication> {
  const frontDoor = new FrontDoorAdapter();
  // Made here: the HTTP server (below) and Apollo (in the module) both record into it.
  const metrics = new ApiMetrics({ processMetrics: config.metrics.port !== undefined });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl, metrics), frontDoor, {
    bufferLogs: true,
    bodyParser: false,
  });
  // First on the server: the feed's answers from memory, with the headers helmet gives every other answer.
  const feed = app.get(FeedFastPath);
  const statuses = app.get(DesktopStatusFastPath);
  const common = securityHeaderValues();
  feed.useCommonHeaders(common);
  statuses.useCommonHeaders(common);
  frontDoor.answerFirst((request, response, toExpress) => {
    const started = performance.now();
    const answered = feed.answered(request, response);
    metrics.observe(request, response, started);
    return answered || statuses.answered(request, response, toExpress);
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxy ?? 'loopback');
  app.disable('x-powered-by');
  app.use(requestId, securityHeaders(), requestContextMiddleware, jsonBody);
  app.useGlobalPipes(
    new ValidationPipe({
      transform: true,
      whitelist: true,
      forbidNonWhitelisted: true,
      exceptionFactory: (errors) => invalidInputError(errors),
    }),
  );
  if (config.corsOrigins === '*' || config.corsOrigins.length > 0) {
    app.enableCors({ origin: config.corsOrigins === '*' ? true : [...config.corsOrigins], maxAge: 600 });
  }
  serveGraphiql(app, config);
  serveStaticApps(app, config);
  return app;
}
