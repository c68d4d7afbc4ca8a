// First: tracing (when configured) must patch http, express and pg before they are loaded.
import { tracing } from './telemetry/tracing';
import 'reflect-metadata';
import { locateDatabase, migrateDatabase } from '@pepite/api/database';
import { MailOutbox } from '@pepite/api/notifications';
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

  // Module hooks (the rulebook's event hub, the job queue) must run before the demo reads through them.
  const app = await initialisedApi(() => createApi(config, database.url));
  if (config.demo) await loadDemoData(app, say, { webhookUrl: config.demoWebhookUrl });
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const mail = app.get(MailOutbox).describe();
  say(`e-mail: ${mail}`);
  say(`API ready on http://localhost:${port}/graphql (health: http://localhost:${port}/health/ready)`);
  process.send?.({ type: 'ready', port, mail });

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
    // The last spans, sent before the process goes.
    await tracing?.shutdown().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

/** PostgreSQL's "deadlock detected": one side is cancelled, and trying again succeeds. */
function isDeadlock(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '40P01') return true;
  }
  return false;
}

/**
 * Creates and initialises the API. Several instances starting at the same moment set up the
 * same shared things (the job queue's schema and queues) and PostgreSQL may cancel one of them
 * as a deadlock victim: that instance starts again after a short random pause, instead of
 * exiting (seen in the deployment test of three instances starting at once).
 */
async function initialisedApi(create: () => ReturnType<typeof createApi>): ReturnType<typeof createApi> {
  for (let attempt = 1; ; attempt++) {
    const app = await create();
    try {
      await app.init();
      return app;
    } catch (error) {
      if (!isDeadlock(error) || attempt >= 3) throw error;
      say(`start-up deadlocked with another instance starting at the same time; starting again (${attempt}/3)`);
      await app.close().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 800));
    }
  }
}

main().catch((error: unknown) => {
  say(error instanceof ConfigurationError ? `configuration error: ${error.message}` : `cannot start: ${describe(error)}`);
  process.exit(1);
});

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
