import type { Page } from 'playwright-core';

const home = (url: URL) => url.pathname !== '/login' && url.pathname !== '/';

/**
 * Signs in through the console's own form, as a person would, and waits for their home screen.
 * A session already open in this browser for the same person (the desktop on the same site,
 * another tab) resumes from its cookie: the sign-in page then leaves on its own, and there is
 * no form left to fill.
 */
export async function signIn(page: Page, user: { email: string; password: string }): Promise<void> {
  await page.goto('/login');
  try {
    await page.getByLabel('Adresse e-mail').fill(user.email);
    await page.getByLabel('Mot de passe').fill(user.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
  } catch (error) {
    if (!home(new URL(page.url()))) throw error;
  }
  await page.waitForURL(home);
}
