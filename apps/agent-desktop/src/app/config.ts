/** What the desktop needs to start: where the feed and the API are, and the key it pins. */
export interface DesktopConfig {
  readonly feedUrl: string;
  readonly graphqlUrl: string;
  readonly publicKeyPem: string;
  /** Key rotation: the previous signing keys, still trusted during the rotation window. */
  readonly previousPublicKeyPems?: readonly string[];
}

const CONFIG_KEY = 'pepite.desktop.config';

function isConfig(value: unknown): value is DesktopConfig {
  const v = value as Partial<DesktopConfig> | null;
  return !!v && typeof v.feedUrl === 'string' && typeof v.graphqlUrl === 'string' && typeof v.publicKeyPem === 'string';
}

/**
 * Reads config.json next to the app. The last copy read is kept so the desktop also starts
 * with the network down (the key it pins is the one it was installed with).
 */
export async function loadConfig(): Promise<DesktopConfig> {
  try {
    const response = await fetch(`${import.meta.env.BASE_URL}config.json`, { cache: 'no-cache' });
    if (response.ok) {
      const config: unknown = await response.json();
      if (isConfig(config)) {
        localStorage.setItem(CONFIG_KEY, JSON.stringify(config));
        return config;
      }
    }
  } catch {
    // Offline: fall back to the copy kept below.
  }
  const kept = readKept();
  if (kept) return kept;
  throw new Error('config.json unavailable');
}

function readKept(): DesktopConfig | undefined {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(CONFIG_KEY) ?? 'null');
    return isConfig(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
