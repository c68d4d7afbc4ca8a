import 'reflect-metadata';
import { locateDatabase, migrateDatabase } from '@pepite/api/database';
import { RulebookEventHub } from '@pepite/api/rulebook';
import { apiConfigFrom } from './config/api-config';
import { ConfigurationError, readEnvironment } from './config/environment';
import { createApi } from './create-api';
import { loadDemoData } from './demo/load-demo-data';
import { LifecycleState } from './health/lifecycle-state';
import { MIGRATIONS } from './schema-parts';

const say = (line: string) => process.stderr.write(`pepite: ${line}\n`);

async function main(): Promise<void> {
  const env = readEnvironment(process.env);
  const config = await apiConfigFrom(env, (message) => say(`warning: ${message}`));
  const database = await locateDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log: say });
  const { applied } = await migrateDatabase({ url: database.url, migrations: MIGRATIONS });
  if (applied.length > 0) say(`applied ${applied.length} migration(s): ${applied.join(', ')}`);

  const app = await createApi(config, database.url);
  // Module hooks (the rulebook's event hub, the job queue) must run before the demo reads through them.
  await app.init();
  if (config.demo) await loadDemoData(app, say);
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  say(`API ready on http://localhost:${port}/graphql (health: http://localhost:${port}/health/ready)`);
  process.send?.({ type: 'ready', port });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: finishing requests in flight, then stopping`);
    app.get(LifecycleState).startDraining();
    // Live streams end first, each telling its client to reconnect at once (to another instance).
    app.get(RulebookEventHub).endStreams();
    setTimeout(() => {
      say(`requests still running after ${config.shutdownGraceSeconds} s; exiting anyway`);
      process.exit(1);
    }, config.shutdownGraceSeconds * 1000).unref();
    await app.close();
    await database.release();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  say(error instanceof ConfigurationError ? `configuration error: ${error.message}` : `cannot start: ${describe(error)}`);
  process.exit(1);
});

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
