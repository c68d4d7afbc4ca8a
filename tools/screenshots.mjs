// `npm run screenshots`: starts Pépite with the demo call centre on a throw-away embedded
// database, then photographs the main screens in Chromium into docs/screenshots/.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { AGENT_DESKTOP_DIR, buildConsole, buildDesktop, WEB_CONSOLE_DIR } from './build-apps.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'docs/screenshots');
const PASSWORD = 'pepite-demo';

execFileSync(process.execPath, [path.join(root, 'tools/build-api.mjs')], { stdio: 'inherit' });
buildConsole();
buildDesktop();

// Always a fresh embedded database: the demo data is meant for an empty one.
const env = { ...process.env };
delete env.DATABASE_URL;
const api = spawn(process.execPath, [path.join(root, 'dist/apps/api/src/main.js')], {
  env: {
    ...env,
    PORT: '0',
    LOG_LEVEL: 'warn',
    PEPITE_DEMO: '1',
    PEPITE_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'pepite-screens-')),
    WEB_CONSOLE_DIR,
    AGENT_DESKTOP_DIR,
  },
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const port = await new Promise((resolve, reject) => {
  api.on('message', (m) => m?.type === 'ready' && resolve(m.port));
  api.on('exit', (code) => reject(new Error(`API exited with ${code}`)));
});
const base = `http://localhost:${port}`;

async function graphql(query, variables, token) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
mkdirSync(out, { recursive: true });

async function page({ locale = 'fr-FR', viewport = { width: 1360, height: 1100 } } = {}) {
  const context = await browser.newContext({ baseURL: base, locale, timezoneId: 'Europe/Paris', viewport });
  return context.newPage();
}

async function consoleAs(email, options = {}) {
  const p = await page(options);
  const english = options.locale?.startsWith('en');
  await p.goto('/login');
  await p.getByLabel(english ? 'Email address' : 'Adresse e-mail').fill(email);
  await p.getByLabel(english ? 'Password' : 'Mot de passe').fill(PASSWORD);
  await p.getByRole('button', { name: english ? 'Sign in' : 'Se connecter' }).click();
  await p.waitForURL((url) => url.pathname !== '/login' && url.pathname !== '/');
  return p;
}

async function shot(p, name, { fullPage = false, part = null } = {}) {
  // The desktop keeps its live feed (SSE) open, so its network is never idle: wait a while, not forever.
  await p.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);
  await p.waitForTimeout(1500); // let charts finish their entrance animation
  const file = path.join(out, `${name}.png`);
  if (part) await part.screenshot({ path: file });
  else await p.screenshot({ path: file, fullPage });
  console.log(`docs/screenshots/${name}.png`);
}

try {
  const { login } = await graphql(`mutation($e:String!,$p:String!){login(email:$e,password:$p){accessToken}}`, { e: 'manager1@pepite.demo', p: PASSWORD });
  const { proposals } = await graphql(`{ proposals(first: 50) { edges { node { id status title } } } }`, {}, login.accessToken);
  const proposal = proposals.edges.map((e) => e.node).find((n) => n.status === 'IN_DESIGN') ?? proposals.edges[0].node;

  // The queue as a manager's laptop shows it: 1280×720, rows visible under the filters.
  const laptop = await consoleAs('manager1@pepite.demo', { viewport: { width: 1280, height: 720 } });
  await laptop.goto('/triage');
  await laptop.getByRole('rowheader').first().waitFor();
  await shot(laptop, 'triage-queue');
  // Notifications read in English: rendered from their kind and parameters in the reader's language.
  const english = await consoleAs('manager1@pepite.demo', { locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  await english.goto('/notifications');
  await english.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
  await shot(english, 'notifications-english');

  const manager = await consoleAs('manager1@pepite.demo');
  await manager.goto(`/proposals/${proposal.id}`);
  await shot(manager, 'proposal-diff');
  await manager.goto('/insights');
  await shot(manager, 'insights', { fullPage: true });

  // Co-design: inviting a pépin's reporter unnamed, an anonymous co-author revising, a vote settling.
  const byTitle = (start) => proposals.edges.map((e) => e.node).find((n) => n.title.startsWith(start));
  const design = byTitle('Relever le seuil des remboursements');
  await manager.goto(`/proposals/${design.id}`);
  const coAuthors = manager.getByRole('region', { name: 'Co-auteurs' });
  await coAuthors.getByRole('button', { name: /^Inviter l’auteur de PEP-/ }).first().click();
  await coAuthors.getByText(/Invitation envoyée à l’auteur de PEP-/).waitFor();
  await shot(manager, 'invite-anonymous-reporter', { part: coAuthors });
  const coAuthor = await consoleAs('operator2@pepite.demo'); // the reporter of the first pépin, anonymous co-author
  await coAuthor.goto(`/proposals/${design.id}/edit`);
  await coAuthor.getByText(/Votre révision paraîtra sous « Co-auteur \(opérateur\) »/).waitFor();
  await coAuthor.getByLabel('Ce que change cette révision').fill('Le cas des colis volés en résidence, vu au téléphone.');
  await shot(coAuthor, 'co-author-editing', { fullPage: true });

  const inVote = byTitle('Une vérification d’identité adaptée');
  await manager.goto(`/proposals/${inVote.id}`);
  await manager.getByText(/1 approbation de plus nécessaire/).waitFor();
  const third = await consoleAs('manager3@pepite.demo');
  await third.goto(`/proposals/${inVote.id}/vote`);
  await third.getByLabel('Approuver').check();
  await third.getByRole('button', { name: 'Voter' }).click();
  await third.getByRole('heading', { name: 'Vote clos' }).waitFor();
  await third.goto(`/proposals/${inVote.id}`);
  await third.getByText('Approuvée : prête à publier.').waitFor();
  await shot(third, 'vote-closing');

  const desktop = await page();
  await desktop.goto('/desktop/');
  await desktop.getByLabel('Adresse e-mail').fill('operator1@pepite.demo');
  await desktop.getByLabel('Mot de passe').fill(PASSWORD);
  await desktop.getByRole('button', { name: 'Se connecter' }).click();
  await desktop.getByRole('heading', { level: 1, name: /Référentiel — version/ }).waitFor();
  await desktop.keyboard.press('/');
  await desktop.keyboard.type('rembours');
  await desktop.keyboard.press('Enter');
  await desktop.getByRole('article').first().waitFor();
  await shot(desktop, 'agent-desktop');

  // A case no rule covers: the empty search offers the report, prefilled with its words.
  await desktop.keyboard.press('/');
  await desktop.keyboard.press('Escape');
  await desktop.keyboard.type('parrainage');
  await desktop.getByRole('button', { name: 'Signaler un cas qu’aucune règle ne couvre' }).waitFor();
  await desktop.keyboard.press('Enter');
  await desktop.getByRole('heading', { level: 2, name: 'Signaler un cas qu’aucune règle ne couvre' }).waitFor();
  await shot(desktop, 'agent-desktop-no-rule');

  // The operator's own pépins, one with a manager's question waiting.
  const operator = await graphql(`mutation($e:String!,$p:String!){login(email:$e,password:$p){accessToken}}`, { e: 'operator1@pepite.demo', p: PASSWORD });
  const { myPepins } = await graphql('{ myPepins(first: 20) { relation pepin { id status } } }', {}, operator.login.accessToken);
  const asked = myPepins.find((m) => m.relation === 'REPORTER' && !['PUBLISHED', 'DECLINED', 'DUPLICATE'].includes(m.pepin.status)) ?? myPepins[0];
  await graphql('mutation($id:ID!,$b:String!){askReporter(pepinId:$id,body:$b){id}}', { id: asked.pepin.id, b: 'Le client a-t-il rappelé depuis ? Cela change la priorité.' }, login.accessToken);
  await desktop.keyboard.press('Escape');
  const follow = desktop.getByRole('navigation', { name: 'Mon suivi' });
  await follow.getByRole('button', { name: /Mes pépins \(1 question/ }).click();
  await desktop.getByRole('region', { name: 'Mes pépins' }).getByRole('button', { expanded: false }).first().click();
  await desktop.getByLabel('Votre réponse aux managers').waitFor();
  await shot(desktop, 'agent-desktop-my-pepins');
} finally {
  await browser.close();
  api.kill('SIGTERM');
}
