import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { ReleaseEntity } from '../persistence/release.entity';

@ObjectType('ReleaseChanges', { description: 'What a release changed against the one before it.' })
export class ReleaseChangesType {
  @Field(() => [String], { description: 'Keys of the rules it created (or restored).' })
  added!: string[];

  @Field(() => [String], { description: 'Keys of the rules it reworded.' })
  amended!: string[];

  @Field(() => [String], { description: 'Keys of the rules it retired.' })
  retired!: string[];

  @Field(() => Int, { nullable: true, description: 'Set when the release restores an earlier one (a rollback).' })
  restoredFrom!: number | null;
}

@ObjectType('Release', { description: 'Rulebook version N: immutable, signed, gapless.' })
export class ReleaseType {
  @Field(() => Int)
  version!: number;

  @Field({ description: 'SHA-256 (hex) of the snapshot the feed serves.' })
  sha256!: string;

  @Field({ description: 'Ed25519 signature (base64) of the snapshot bytes.' })
  signature!: string;

  @Field({ description: 'Which signing key made the signature.' })
  keyId!: string;

  @Field()
  publishedAt!: Date;

  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field(() => Int, { description: 'Rules in force in this release.' })
  ruleCount!: number;

  @Field(() => ReleaseChangesType)
  changes!: ReleaseChangesType;

  @Field(() => [String], { description: 'References (PEP-000123) of the pépins this release answers.' })
  answeredPepins!: string[];

  @Field(() => [String], {
    description: 'References (PROP-000012) of the proposals this release published; empty for a rulebook file, a rollback or a release made before proposals were recorded here.',
  })
  proposals!: string[];

  @Field(() => [String], { description: 'Changed rules flagged “lecture obligatoire” at publication.' })
  mandatoryRules!: string[];

  static of(release: ReleaseEntity): ReleaseType {
    const { changelog } = release;
    return {
      version: release.version,
      sha256: release.sha256,
      signature: release.signature,
      keyId: release.keyId,
      publishedAt: release.publishedAt,
      notes: release.notes,
      ruleCount: release.ruleCount,
      changes: {
        added: [...changelog.added],
        amended: [...changelog.amended],
        retired: [...changelog.retired],
        restoredFrom: changelog.restoredFrom,
      },
      answeredPepins: [...(changelog.answers ?? [])],
      proposals: [...(changelog.proposals ?? [])],
      mandatoryRules: [...(release.mandatoryRules ?? [])],
    };
  }
}
