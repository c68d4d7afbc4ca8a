import { registerEnumType } from '@nestjs/graphql';
import { ListeningSessionStatus } from '../domain/listening-session';
import { PepinActorRole, PepinEventKind } from '../domain/pepin-lifecycle';
import { PepinQueueOrder } from '../domain/pepin-queue';
import { CustomerImpact, PepinStatus } from '../domain/pepin-status';
import { PepinMessageAuthorKind } from '../persistence/pepin-message.entity';

export enum MyPepinRelation {
  REPORTER = 'REPORTER',
  SUPPORTER = 'SUPPORTER',
}

registerEnumType(PepinStatus, { name: 'PepinStatus', description: 'Where a pépin stands in its lifecycle.' });
registerEnumType(CustomerImpact, {
  name: 'CustomerImpact',
  description: 'What the rule cost the customer, as the operator judged it.',
});
registerEnumType(PepinQueueOrder, { name: 'PepinOrder', description: 'Sorts of the triage queue.' });
registerEnumType(PepinActorRole, {
  name: 'PepinActorRole',
  description: 'In which capacity someone acted on a pépin.',
});
registerEnumType(PepinEventKind, { name: 'PepinEventKind', description: 'What a line of a pépin’s history records.' });
registerEnumType(ListeningSessionStatus, { name: 'ListeningSessionStatus' });
registerEnumType(PepinMessageAuthorKind, {
  name: 'PepinMessageAuthorKind',
  description: 'Who wrote a line of a pépin’s conversation.',
});
registerEnumType(MyPepinRelation, {
  name: 'MyPepinRelation',
  description: 'Whether the operator filed the pépin or supports it.',
});

export {
  CustomerImpact,
  ListeningSessionStatus,
  PepinActorRole,
  PepinEventKind,
  PepinMessageAuthorKind,
  PepinQueueOrder,
  PepinStatus,
};
