import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FileStorage } from './node';
import {
  MemoryStorage,
  parseStoredRulebook,
  STORED_RULEBOOK_FORMAT,
  WebStorage,
  type StorageLike,
  type StoredRulebook,
} from './storage';
import { advisory, newKeys, release, rule } from './testing/fixtures';

const keys = newKeys();
const sealed = release(keys, 2, [rule('A', { title: 'Échéance' })]);
const COPY: StoredRulebook = {
  format: STORED_RULEBOOK_FORMAT,
  snapshot: sealed.bytes.toString('utf8'),
  sha256: sealed.sha256,
  signature: sealed.signature,
  keyId: sealed.keyId,
  advisories: [advisory(keys, 1, 'A')],
  lastEventId: '2.1',
  savedAt: '2026-02-02T00:00:00.000Z',
};

class TinyStorage implements StorageLike {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

describe('storage', () => {
  it('MemoryStorage keeps a copy that later mutations of the saved object cannot alter', async () => {
    const storage = new MemoryStorage();
    expect(await storage.load()).toBeUndefined();
    const mutable = { ...COPY, advisories: [...COPY.advisories] };
    await storage.save(mutable);
    mutable.advisories.pop();
    expect(await storage.load()).toEqual(COPY);
    expect(await new MemoryStorage(COPY).load()).toEqual(COPY);
  });

  it('WebStorage round-trips under its key and ignores what it cannot read', async () => {
    const backing = new TinyStorage();
    const storage = new WebStorage(backing, 'desk.rulebook');
    expect(await storage.load()).toBeUndefined();
    await storage.save(COPY);
    expect([...backing.items.keys()]).toEqual(['desk.rulebook']);
    expect(await storage.load()).toEqual(COPY);
    // The exact signed text survives the JSON round trip byte for byte.
    expect(Buffer.from((await storage.load())?.snapshot ?? '', 'utf8').equals(sealed.bytes)).toBe(true);
    backing.setItem('desk.rulebook', '{broken');
    expect(await storage.load()).toBeUndefined();
  });

  it('WebStorage rejects when the browser refuses to store', async () => {
    const full: StorageLike = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    await expect(new WebStorage(full).save(COPY)).rejects.toThrow('QuotaExceededError');
  });

  it('parseStoredRulebook refuses other formats and wrong shapes', () => {
    expect(parseStoredRulebook(JSON.stringify(COPY))).toEqual(COPY);
    expect(parseStoredRulebook(null)).toBeUndefined();
    expect(parseStoredRulebook(JSON.stringify({ ...COPY, format: 'v0' }))).toBeUndefined();
    expect(parseStoredRulebook(JSON.stringify({ ...COPY, signature: 7 }))).toBeUndefined();
    expect(parseStoredRulebook(JSON.stringify({ ...COPY, advisories: [{ id: 'x' }] }))).toBeUndefined();
    expect(parseStoredRulebook('null')).toBeUndefined();
  });

  describe('FileStorage', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'rulebook-client-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('reads nothing before the first save, then the saved copy, creating folders', async () => {
      const file = path.join(dir, 'nested', 'deeper', 'rulebook.json');
      const storage = new FileStorage(file);
      expect(await storage.load()).toBeUndefined();
      await storage.save(COPY);
      expect(await new FileStorage(file).load()).toEqual(COPY);
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(COPY);
    });

    it('replaces the file whole and leaves no temporary file behind', async () => {
      const file = path.join(dir, 'rulebook.json');
      const storage = new FileStorage(file);
      await storage.save(COPY);
      await storage.save({ ...COPY, lastEventId: '2.9' });
      expect((await storage.load())?.lastEventId).toBe('2.9');
      expect(await readdir(dir)).toEqual(['rulebook.json']);
    });

    it('reads a corrupt file as nothing stored, and reports other read errors', async () => {
      const file = path.join(dir, 'rulebook.json');
      await writeFile(file, '{"format":"pepite-rulebook-client/1","snap');
      expect(await new FileStorage(file).load()).toBeUndefined();
      await expect(new FileStorage(dir).load()).rejects.toThrow();
    });

    it('reports a failed save and cleans its temporary file', async () => {
      const blocker = path.join(dir, 'not-a-folder');
      await writeFile(blocker, 'x');
      await expect(new FileStorage(path.join(blocker, 'rulebook.json')).save(COPY)).rejects.toThrow();
      const target = path.join(dir, 'target');
      await mkdir(target);
      // Renaming a file over a non-empty folder fails after the temporary file was written.
      await writeFile(path.join(target, 'keep'), 'x');
      await expect(new FileStorage(target).save(COPY)).rejects.toThrow();
      expect((await readdir(dir)).sort()).toEqual(['not-a-folder', 'target']);
    });
  });
});
