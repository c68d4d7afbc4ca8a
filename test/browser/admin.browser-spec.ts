import { Role } from '@pepite/api/identity';
import { expectAccessible, signIn, startBrowserStack, type BrowserStack } from './support';

// Administration end to end: sites, teams, the acknowledgement deadline, and accounts.
describe('administration console', () => {
  let stack: BrowserStack;
  beforeAll(async () => {
    stack = await startBrowserStack();
  });
  afterAll(() => stack.close());

  it('creates a site and a team, changes the deadline, creates a manager there and deactivates an operator', async () => {
    const admin = await stack.api.world.newUser(Role.ADMIN);
    const operator = await stack.api.world.newUser(Role.OPERATOR);
    const page = await stack.newPage();
    await signIn(page, admin);

    // Sites: create one with a 48-hour deadline.
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Sites et équipes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sites et équipes' }).waitFor();
    await page.getByRole('button', { name: 'Créer un site' }).click();
    const newSite = page.getByRole('form', { name: 'Nouveau site' });
    await newSite.getByLabel('Nom du site').fill('Plateau de Lyon');
    await newSite.getByLabel('Fuseau horaire').selectOption('Europe/Brussels');
    await newSite.getByLabel('Délai de prise en compte (heures)').fill('48');
    await expect(newSite.getByText('soit 2 jours').isVisible()).resolves.toBe(true);
    await newSite.getByRole('button', { name: 'Créer le site' }).click();
    await page.getByRole('status').filter({ hasText: 'Le site Plateau de Lyon est créé.' }).waitFor();
    const lyon = page.getByRole('article', { name: 'Plateau de Lyon' });
    await lyon.getByText('Europe/Brussels').waitFor();
    await expect(lyon.getByText('48 heures').isVisible()).resolves.toBe(true);

    // A team on that site.
    await lyon.getByLabel('Nouvelle équipe').fill('Équipe Rhône');
    await lyon.getByRole('button', { name: 'Ajouter l’équipe' }).click();
    await lyon.getByRole('listitem').filter({ hasText: 'Équipe Rhône' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'L’équipe Équipe Rhône est ajoutée.' }).waitFor();

    // The deadline: 48 → 24 hours, shown in days too.
    await lyon.getByRole('button', { name: 'Modifier le site Plateau de Lyon' }).click();
    await lyon.getByLabel('Délai de prise en compte (heures)').fill('24');
    await lyon.getByRole('button', { name: 'Enregistrer le site' }).click();
    await lyon.getByText('24 heures').waitFor();
    await expect(lyon.getByText('(soit 1 jour)').isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'admin sites');
    const site = (await stack.api.world.directory.listSites()).find((s) => s.name === 'Plateau de Lyon');
    expect(site).toMatchObject({ timeZone: 'Europe/Brussels', ackSlaHours: 24 });

    // Users: a manager on the new site and team.
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Utilisateurs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Utilisateurs' }).waitFor();
    await page.getByRole('button', { name: 'Créer un compte' }).click();
    const newUser = page.getByRole('form', { name: 'Nouveau compte' });
    await newUser.getByLabel('Adresse e-mail').fill('Lea.Girard@test.pepite');
    await newUser.getByLabel('Nom affiché').fill('Léa Girard');
    await newUser.getByLabel('Rôle').selectOption({ label: 'Manager' });
    await newUser.getByRole('combobox', { name: /^Site/ }).selectOption({ label: 'Plateau de Lyon' });
    await expect(newUser.getByLabel('Équipe').inputValue()).resolves.not.toBe('');
    await newUser.getByLabel('Mot de passe initial').fill('un-mot-de-passe-solide');
    await newUser.getByRole('button', { name: 'Créer le compte' }).click();
    await page.getByRole('status').filter({ hasText: 'Le compte de Léa Girard est créé.' }).waitFor();
    const lea = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Léa Girard' }) });
    await expect(lea.textContent()).resolves.toMatch(/lea\.girard@test\.pepite.*Manager.*Plateau de Lyon.*Équipe Rhône.*Actif/);
    await expect(stack.api.world.login('lea.girard@test.pepite', 'un-mot-de-passe-solide')).resolves.toEqual(expect.any(String));

    // Search, then deactivate the operator after confirming.
    await page.getByLabel('Rechercher (nom ou e-mail)').fill(operator.email.toUpperCase());
    await expect(page.getByText('1 compte affiché sur').isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'admin users');
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: operator.displayName }) });
    await row.getByRole('button', { name: `Désactiver ${operator.displayName}` }).click();
    const confirm = row.getByRole('group', { name: new RegExp(`Désactiver le compte de ${operator.displayName}`) });
    await expect(confirm.getByRole('button', { name: 'Confirmer' }).evaluate((b) => b === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await row.getByText('Désactivé', { exact: true }).waitFor();
    await page.getByRole('status').filter({ hasText: `Le compte de ${operator.displayName} est désactivé.` }).waitFor();
    const reactivate = row.getByRole('button', { name: `Réactiver ${operator.displayName}` });
    await expect(reactivate.evaluate((b) => b === document.activeElement)).resolves.toBe(true);
    await expect(stack.api.world.login(operator.email, operator.password)).rejects.toThrow(/UNAUTHENTICATED/);

    // The state filter lists only deactivated accounts.
    await page.getByLabel('Rechercher (nom ou e-mail)').fill('');
    await page.getByLabel('État').selectOption({ label: 'Désactivés' });
    await expect(page.getByRole('rowheader').allTextContents()).resolves.toEqual([operator.displayName]);
    await page.context().close();
  });

  it('edits an account’s name, role and language, and keeps an admin from demoting themself', async () => {
    const admin = await stack.api.world.newUser(Role.ADMIN);
    const operator = await stack.api.world.newUser(Role.OPERATOR);
    const page = await stack.newPage();
    await signIn(page, admin);
    await page.goto('/admin/users');

    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: operator.displayName }) });
    await row.getByRole('button', { name: `Modifier ${operator.displayName}` }).click();
    const form = page.getByRole('form', { name: `Modifier ${operator.displayName}` });
    await form.getByLabel('Nom affiché').fill('Samir Haddad');
    await form.getByLabel('Rôle').selectOption({ label: 'Manager' });
    await form.getByLabel('Langue de l’interface et des notifications').selectOption({ label: 'Anglais' });
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('status').filter({ hasText: 'Les modifications de Samir Haddad sont enregistrées.' }).waitFor();
    const samir = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Samir Haddad' }) });
    await expect(samir.textContent()).resolves.toMatch(/Manager.*Anglais/);

    const self = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: admin.displayName }) });
    await expect(self.getByRole('button', { name: /^Désactiver/ }).count()).resolves.toBe(0);
    await self.getByRole('button', { name: `Modifier ${admin.displayName}` }).click();
    const own = page.getByRole('form', { name: `Modifier ${admin.displayName}` });
    await expect(own.getByLabel('Rôle').isDisabled()).resolves.toBe(true);
    await expect(own.getByText('Vous ne pouvez pas retirer votre propre rôle d’administrateur.').isVisible()).resolves.toBe(true);
    await page.context().close();
  });
});
