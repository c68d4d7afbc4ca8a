import { authMessages } from '../auth/LoginPage';
import { registerMessages } from './i18n';

// Each feature's catalog, registered under its own namespace (useTranslation('<name>')).
registerMessages('auth', authMessages);
