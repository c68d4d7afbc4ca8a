// The rulebook's plain domain, for other contexts' domain code (proposals compares and
// validates rule wordings): no Nest module, no persistence, no transport behind this entry.
export * from './calendar-date';
export * from './document-position';
export * from './field-name-suggestion';
export * from './release-seal';
export * from './rule-change';
export * from './rule-diff';
export * from './rule-draft';
export * from './rule-draft-validation';
export * from './rule-problems';
export * from './rule-text';
export * from './rulebook-document';
export * from './signing-key';
export * from './strict-json';
export * from './yaml-syntax-errors';
