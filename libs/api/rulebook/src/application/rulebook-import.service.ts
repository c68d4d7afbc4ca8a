import { Injectable } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseRulebookDocument, type DocumentError } from '../domain';
import type { ReleaseEntity } from '../persistence/release.entity';
import { RulebookPublisher } from './rulebook-publisher.service';

export type ImportOutcome =
  | { readonly kind: 'published'; readonly release: ReleaseEntity }
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'invalid'; readonly errors: readonly DocumentError[] };

/** Publishes a whole rulebook file (YAML or JSON) as one release; writes nothing when any line is wrong. */
@Injectable()
export class RulebookImport {
  constructor(private readonly publisher: RulebookPublisher) {}

  async importFile(file: string, options: { notes?: string | null; publishedBy?: string | null } = {}): Promise<ImportOutcome> {
    const parsed = parseRulebookDocument(await readFile(file, 'utf8'), path.basename(file));
    if (!parsed.ok) return { kind: 'invalid', errors: parsed.errors };
    try {
      const release = await this.publisher.publishWhole(parsed.document.rules, options.notes ?? parsed.document.notes, options.publishedBy ?? null);
      return { kind: 'published', release };
    } catch (error) {
      if ((error as { details?: { reason?: string } }).details?.reason === 'nothingToPublish') return { kind: 'unchanged' };
      throw error;
    }
  }
}
