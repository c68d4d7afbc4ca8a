import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import type { ApiConfig } from '../config/api-config';

/**
 * Where `npm run build` writes the bundled GraphiQL (apps/api/graphiql): dist/apps/graphiql,
 * found from the compiled API (dist/apps/api/src/http) or from its sources (tests).
 */
export function graphiqlDir(): string {
  const candidates = [path.resolve(__dirname, '../../../graphiql'), path.resolve(__dirname, '../../../../dist/apps/graphiql')];
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html'))) ?? (candidates[1] as string);
}

const NOT_BUILT =
  'GraphiQL n’est pas construit : lancez « npm run build ». / GraphiQL is not built: run "npm run build".\n';

/**
 * Outside production, the development GraphiQL at GET /graphql (a browser asking for a page,
 * no `query` parameter), its bundle at /graphiql/: every byte from the API's own origin,
 * under the same CSP as everything else; nothing loaded from a CDN, so it works offline.
 * Production serves neither (introspection is off there too).
 */
export function serveGraphiql(app: NestExpressApplication, config: Pick<ApiConfig, 'production'>): void {
  if (config.production) return;
  const dir = graphiqlDir();
  // Vite's asset names carry a content hash.
  app.useStaticAssets(dir, { prefix: '/graphiql/', index: false, maxAge: '365d', immutable: true });
  app.use('/graphql', (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path !== '/' || req.query['query'] !== undefined || !req.accepts('html')) return next();
    const page = path.join(dir, 'index.html');
    if (!existsSync(page)) {
      res.status(404).type('text/plain').send(NOT_BUILT);
      return;
    }
    res.set('Cache-Control', 'no-cache').sendFile(page);
  });
}
