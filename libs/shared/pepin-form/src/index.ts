export { PEPIN_LIMITS } from './limits';
export { CUSTOMER_IMPACTS, FILING_WORDS, type CustomerImpactValue, type FilingWords, type Language } from './filing-words';
