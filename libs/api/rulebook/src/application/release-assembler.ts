import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { canonicalJson, toSnapshot, type ReleaseHeader, type RuleEntry } from '@pepite/rulebook-format';
import type { RuleInForce } from '../domain/release-plan';
import { deflateSegment, gzipOfSegments } from '../domain/segmented-gzip';
import { rulesInForce } from '../persistence/rulebook-store';

/** The `rules` member of a canonical snapshot with no rules; keys sort so it is the last array. */
const EMPTY_RULES = '"rules":[]';
/** A segment ends after a rule whose key hashes to 0 modulo this: about 32 rules, 100 kB. */
const SEGMENT_SPREAD = 32;

/** A release's identity and gzip bytes. */
export interface AssembledRelease {
  readonly bytes: Buffer;
  readonly gzip: Buffer;
}

/**
 * Builds a release's bytes from what the previous publication on this instance already
 * computed, so publishing one changed rule in a rulebook of thousands costs about the
 * hash and signature of the snapshot, not its serialisation, compression and reloading
 * (docs/decisions/0012-publication-cost.md):
 *
 * - the snapshot as segments of about 32 rules, cut where a rule's key says (so an added
 *   or retired rule moves no other cut), each serialised and compressed (raw deflate) once
 *   and kept by the ids of its rule versions (a stored version never changes): only the
 *   segments whose rule versions changed are serialised and compressed again, and the
 *   snapshot and its gzip body are the segments laid end to end;
 * - the rules in force of the last release it wrote, used only when the release of that
 *   version in the database is the one it wrote (same SHA-256), since a publication in a
 *   caller's transaction may roll back and its number be given again.
 *
 * Everything is a pure function of its cache key, so what any instance computes is
 * identical byte for byte; and the bytes are stored at publication, which every instance
 * then serves. A cold instance (just started, or the last release came from another one)
 * computes everything, as every publication used to.
 */
@Injectable()
export class ReleaseAssembler {
  /** A segment's bytes and their deflate, by its rule versions (and whether a comma leads). */
  private segments = new Map<string, Segment>();
  private lastWritten?: { version: number; sha256: string; rules: ReadonlyMap<string, RuleInForce> };

  /** The rules in force at `version`, from memory when this instance wrote that release. */
  async rulesInForce(tx: EntityManager, version: number): Promise<ReadonlyMap<string, RuleInForce>> {
    const last = this.lastWritten;
    if (last && last.version === version) {
      const rows: { sha256: string }[] = await tx.query('SELECT sha256 FROM release WHERE version = $1', [version]);
      if (rows[0]?.sha256 === last.sha256) return last.rules;
    }
    return rulesInForce(tx, version);
  }

  /** Called once release `version` is written (in its transaction) with its rules. */
  wrote(version: number, sha256: string, rules: readonly RuleInForce[]): void {
    this.lastWritten = { version, sha256, rules: new Map(rules.map((rule) => [rule.entry.key, rule])) };
  }

  /** The canonical snapshot bytes (as `canonicalJson(toSnapshot(...))` writes them) and a gzip of them. */
  assemble(header: ReleaseHeader, rules: readonly RuleInForce[]): AssembledRelease {
    const frame = canonicalJson(toSnapshot(header, []));
    const at = frame.lastIndexOf(EMPTY_RULES) + EMPTY_RULES.length - 1;
    const head = Buffer.from(frame.slice(0, at), 'utf8');
    const tail = Buffer.from(frame.slice(at), 'utf8');
    const sorted = [...rules].sort((a, b) => (a.entry.key < b.entry.key ? -1 : a.entry.key > b.entry.key ? 1 : 0));
    const segments = new Map<string, Segment>();
    const plain: Buffer[] = [head];
    const deflated: Buffer[] = [deflateSegment(head)];
    let members: RuleInForce[] = [];
    const cut = () => {
      if (members.length === 0) return;
      const key = `${plain.length > 1 ? ',' : ''}${members.map((rule) => rule.versionId).join(' ')}`;
      let segment = this.segments.get(key);
      if (!segment) {
        const text = (plain.length > 1 ? ',' : '') + members.map((rule) => canonicalJson(rule.entry)).join(',');
        const bytes = Buffer.from(text, 'utf8');
        segment = { plain: bytes, deflated: deflateSegment(bytes) };
      }
      segments.set(key, segment);
      plain.push(segment.plain);
      deflated.push(segment.deflated);
      members = [];
    };
    for (const rule of sorted) {
      members.push(rule);
      if (endsSegment(rule.entry.key)) cut();
    }
    cut();
    plain.push(tail);
    deflated.push(deflateSegment(tail));
    // Only what this release uses is kept: the memory stays that of one rulebook.
    this.segments = segments;
    const bytes = Buffer.concat(plain);
    return { bytes, gzip: gzipOfSegments(deflated, bytes) };
  }
}

interface Segment {
  readonly plain: Buffer;
  readonly deflated: Buffer;
}

/** FNV-1a of the key's UTF-16 units: cheap, stable across instances and versions of Node. */
function endsSegment(key: string): boolean {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index += 1) hash = Math.imul(hash ^ key.charCodeAt(index), 0x01000193);
  return (hash >>> 0) % SEGMENT_SPREAD === 0;
}

/** Exactly the fields of the wire format, whatever else a draft carried. */
export function wireEntry(entry: RuleEntry): RuleEntry {
  return {
    key: entry.key,
    category: entry.category,
    revision: entry.revision,
    title: entry.title,
    statement: entry.statement,
    rationale: entry.rationale,
    latitude: entry.latitude,
    escalation: entry.escalation,
    customerWording: entry.customerWording,
    tags: [...entry.tags],
    effectiveFrom: entry.effectiveFrom,
  };
}
