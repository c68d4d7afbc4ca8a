import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
// The real catalogs, registered as the console registers them.
import '../i18n/catalogs';
import i18n from '../i18n/i18n';

// French first, like the console; a test switches to English when it checks that case.
beforeEach(async () => {
  await i18n.changeLanguage('fr');
});
afterEach(() => cleanup());
