import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatDocumentErrors, RulebookImport } from '@pepite/api/rulebook';
import { runCli, withCliApp } from './cli-app';

const USAGE = 'usage: npm run rulebook:import -- <file.yaml|file.json> [--notes "<release notes>"] [--lang fr|en]';

/** `npm run rulebook:import`: publishes a rulebook file as the next release (format: libs/api/rulebook/RULEBOOK-FORMAT.md). */
runCli('rulebook:import', async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { notes: { type: 'string' }, lang: { type: 'string', default: process.env['LANG']?.startsWith('en') ? 'en' : 'fr' } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new Error(USAGE);
  const locale = values.lang === 'en' ? 'en' : 'fr';
  await withCliApp(async (app) => {
    const outcome = await app.get(RulebookImport).importFile(path.resolve(file), { notes: values.notes });
    if (outcome.kind === 'invalid') {
      process.stderr.write(`${formatDocumentErrors(file, outcome.errors, locale)}\n`);
      throw new Error(locale === 'fr' ? `${outcome.errors.length} erreur(s) : rien n’a été publié` : `${outcome.errors.length} error(s): nothing was published`);
    }
    if (outcome.kind === 'unchanged') {
      console.log(locale === 'fr' ? 'Règlement identique à la version en vigueur : rien à publier.' : 'Same rulebook as the one in force: nothing to publish.');
      return;
    }
    const { release } = outcome;
    const { added, amended, retired } = release.changelog;
    console.log(
      `published release ${release.version}: ${release.ruleCount} rules (added ${added.length}, amended ${amended.length}, retired ${retired.length}); sha256 ${release.sha256}`,
    );
  });
});
