export { diffParagraphs, diffWords, sideOf, type DiffSegment, type DiffSegmentKind } from './word-diff';
