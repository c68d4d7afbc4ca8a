import path from 'node:path';

/** The French demo rulebook (format in libs/api/rulebook/RULEBOOK-FORMAT.md); the build copies it next to this file. */
export const DEMO_RULEBOOK_FILE = path.join(__dirname, 'demo-rulebook.fr.yaml');
