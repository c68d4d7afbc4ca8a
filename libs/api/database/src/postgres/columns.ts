import { Column, PrimaryColumn, PrimaryGeneratedColumn, type ColumnOptions } from 'typeorm';

/**
 * The column shapes every context's entities repeat, named for what they hold so that an
 * entity reads like its table, one line a column: `@Columns.Uuid() siteId!: string;`, with
 * `Columns` from `@pepite/api/database`. Each is exactly the `@Column` it replaces: the
 * schema, and so the migrations, do not change (`test/api/contracts.e2e-spec.ts` compares
 * them). Column names still come from the property through `SnakeNamingStrategy`. A column
 * of another shape (an enum, a `char`, `bytea`...) keeps `@Column`.
 */
type ColumnExtras = Pick<ColumnOptions, 'nullable' | 'default' | 'array' | 'select'>;

/** A surrogate key drawn by PostgreSQL (`gen_random_uuid()`). */
export const UuidPrimaryKey = (): PropertyDecorator => PrimaryGeneratedColumn('uuid');

/** A uuid that is (part of) the primary key but chosen by the application or another row. */
export const PrimaryUuid = (): PropertyDecorator => PrimaryColumn({ type: 'uuid' });

/** Another row's id, or another context's (no foreign key across contexts). */
export const Uuid = (extras: ColumnExtras = {}): PropertyDecorator => Column({ type: 'uuid', ...extras });

/** A moment, always with its time zone. */
export const Timestamp = (extras: ColumnExtras = {}): PropertyDecorator => Column({ type: 'timestamptz', ...extras });

/** When the row was written (or last changed: `updatedAt`), filled in by PostgreSQL by default. */
export const CreatedAt = (): PropertyDecorator => Column({ type: 'timestamptz', default: () => 'now()' });

export const Text = (extras: ColumnExtras = {}): PropertyDecorator => Column({ type: 'text', ...extras });

/** A bounded string: the length is the rule the input validation also enforces. */
export const Varchar = (length: number, extras: ColumnExtras = {}): PropertyDecorator =>
  Column({ type: 'varchar', length, ...extras });

export const Jsonb = (extras: ColumnExtras = {}): PropertyDecorator => Column({ type: 'jsonb', ...extras });

export const Int = (extras: ColumnExtras = {}): PropertyDecorator => Column({ type: 'int', ...extras });

/** A yes/no that is never unknown. */
export const Flag = (byDefault: boolean): PropertyDecorator => Column({ type: 'boolean', default: byDefault });
