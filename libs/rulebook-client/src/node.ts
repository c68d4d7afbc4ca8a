/**
 * Node-only entry (`@pepite/rulebook-client/node`): everything of the browser entry plus
 * FileStorage. Kept apart so browser bundles never see `node:` imports.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseStoredRulebook, type RulebookStorage, type StoredRulebook } from './storage';

export * from './index';

/** The copy in one JSON file, replaced atomically so a crash mid-write never leaves half a file. */
export class FileStorage implements RulebookStorage {
  constructor(readonly path: string) {}

  async load(): Promise<StoredRulebook | undefined> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    return parseStoredRulebook(text);
  }

  async save(copy: StoredRulebook): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    // Same directory as the target: rename is atomic only within one file system.
    const temporary = `${this.path}.${randomUUID()}.tmp`;
    try {
      const file = await open(temporary, 'w', 0o600);
      try {
        await file.writeFile(JSON.stringify(copy), 'utf8');
        // On disk before the rename, or a power cut could leave the new name on empty data.
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temporary, this.path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
}
