export { foldText, includesFolded } from './fold-text';
export { normaliseSearchGap, SEARCH_GAP_LENGTH } from './search-gap';
