import { createPublicKey } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import type { ApiConfig } from '../config/api-config';

/** Paths the API answers itself; everything else under `/` may be a page of the console. */
const API_PATHS = /^\/(graphql|api|health|auth)(\/|$)/;

/**
 * Serves the built console at `/` and the reference desktop at `/desktop/` from the API's
 * own origin, so a pilot needs one process and no CORS. Client-side routes fall back to
 * each app's index.html. The desktop's `config.json` carries the feed's signing key: the
 * desktop pins what it was installed with (a production desktop ships its own copy).
 */
export function serveStaticApps(app: NestExpressApplication, config: ApiConfig): void {
  const { consoleDir, desktopDir } = config.staticApps;
  if (desktopDir && existsSync(path.join(desktopDir, 'index.html'))) {
    const publicKeyPem = createPublicKey(config.rulebook.signingKey).export({ type: 'spki', format: 'pem' }).toString();
    // Key rotation: the previous keys, so releases signed before the rotation still verify.
    const previousPublicKeyPems = (config.rulebook.previousPublicKeys ?? []).map((key) => key.export({ type: 'spki', format: 'pem' }).toString());
    app.use('/desktop/config.json', (_req: Request, res: Response) => {
      res.set('Cache-Control', 'no-cache').json({ feedUrl: '/api/rulebook', graphqlUrl: '/graphql', publicKeyPem, previousPublicKeyPems });
    });
    app.useStaticAssets(desktopDir, { prefix: '/desktop/', index: 'index.html', maxAge: 0 });
    app.use('/desktop', spaFallback(desktopDir));
  }
  if (consoleDir && existsSync(path.join(consoleDir, 'index.html'))) {
    app.useStaticAssets(consoleDir, { index: 'index.html', maxAge: 0 });
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (API_PATHS.test(req.path)) return next();
      return spaFallback(consoleDir)(req, res, next);
    });
  }
}

function spaFallback(dir: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (!req.accepts('html')) return next();
    res.set('Cache-Control', 'no-cache').sendFile(path.join(dir, 'index.html'));
  };
}
