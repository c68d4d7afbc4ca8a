export { foldText, includesFolded } from './fold-text';
