import { authMessages } from '../auth/LoginPage';
import { operatorMessages } from '../features/operator/messages';
import { codesignMessages } from '../features/codesign/messages';
import { adminMessages } from '../features/admin/messages';
import { triageMessages } from '../features/triage/messages';
import { insightsMessages } from '../features/insights/messages';
import { floorMessages } from '../features/floor/messages';
import { settingsMessages } from '../features/settings/messages';
import { webhooksMessages } from '../features/admin/webhooks/messages';
import { registerMessages } from './i18n';

// Each feature's catalog, registered under its own namespace (useTranslation('<name>')).
registerMessages('auth', authMessages);
registerMessages('operator', operatorMessages);
registerMessages('codesign', codesignMessages);
registerMessages('admin', adminMessages);
registerMessages('triage', triageMessages);
registerMessages('insights', insightsMessages);
registerMessages('floor', floorMessages);
registerMessages('settings', settingsMessages);
registerMessages('webhooks', webhooksMessages);
