/** Lengths in characters (Unicode code points), after trimming. */
export const PEPIN_LIMITS = {
  title: { min: 5, max: 140 },
  description: { min: 20, max: 4000 },
  callReference: { max: 40 },
  ruleKey: { max: 40 },
  idempotencyKey: { min: 8, max: 100 },
  declineReason: { min: 20, minWords: 4, max: 2000 },
  acknowledgeMessage: { max: 2000 },
  conversationMessage: { min: 2, max: 2000 },
  listeningNotes: { max: 4000 },
  listeningOutcome: { min: 10, max: 2000 },
  listeningReason: { max: 1000 },
} as const;
