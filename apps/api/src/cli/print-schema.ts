import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderSchema } from '../graphql/schema-file';
import { runCli, withCliApp } from './cli-app';

/**
 * `npm run schema:generate`: writes the GraphQL schema the code defines to the given file
 * (or stdout). Writing the file itself keeps a log line printed at shutdown out of it.
 */
runCli('schema:generate', () =>
  withCliApp(async (app) => {
    const schema = renderSchema(app);
    const target = process.argv[2];
    if (target) writeFileSync(path.resolve(target), schema);
    else process.stdout.write(schema);
  }),
);
