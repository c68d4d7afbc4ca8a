/** Mandatory changes older than this no longer appear on desktops nor in the managers' list. */
export const MANDATORY_READING_DAYS = 30;
