import { renderSchema } from '../graphql/schema-file';
import { runCli, withCliApp } from './cli-app';

/** `npm run schema:generate`: prints the GraphQL schema the code defines. */
runCli('schema:generate', () =>
  withCliApp(async (app) => {
    process.stdout.write(renderSchema(app));
  }),
);
