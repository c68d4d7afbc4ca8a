import { ListeningSessionEntity } from './listening-session.entity';
import { PepinEventEntity } from './pepin-event.entity';
import { PepinMessageEntity } from './pepin-message.entity';
import { PepinSupportEntity } from './pepin-support.entity';
import { PepinEntity } from './pepin.entity';

/** The tables the pépins context owns. */
export const PEPIN_ENTITIES = [
  PepinEntity,
  PepinSupportEntity,
  PepinEventEntity,
  PepinMessageEntity,
  ListeningSessionEntity,
];
