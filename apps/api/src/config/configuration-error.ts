/** A setting that stops the API at start, with one line naming it. */
export class ConfigurationError extends Error {}
