import type { INestApplicationContext } from '@nestjs/common';
import { Clock } from '@pepite/api/database';
import { UserDirectoryService, type AuthenticatedUser } from '@pepite/api/identity';
import {
  CustomerImpact,
  ListeningSessions,
  PepinConversation,
  PepinFiling,
  PepinQueries,
  PepinStatus,
  PepinTriage,
  type FilePepinCommand,
  type PepinView,
} from '@pepite/api/pepins';
import { advanceDemoCodesign } from './demo-codesign';
import { DEMO_PEPINS, type DemoPepin, type DemoStep } from './demo-pepins';

/** The release of the demo rulebook the demo pépins were written against. */
export const DEMO_PEPINS_RULE_VERSION = 1;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Supports come in within this long after the filing (and before the first step of the story). */
const SUPPORT_WINDOW = 2 * DAY;

type ListeningStep = Extract<DemoStep, { kind: 'listening' }>;

/** One thing that happened, at its time; `order` keeps a pépin's own actions in sequence on equal times. */
interface Action {
  readonly at: number;
  readonly order: number;
  readonly run: (at: Date) => Promise<void>;
}

/**
 * Files the forty demo pépins (demo-pepins.ts) and plays their stories through the pépins
 * context's own use cases, each at its real past time (`{ at }`): filings `daysAgo` before
 * now, supports shortly after, each step `daysAfter` the filing. Everything is played in time
 * order across pépins, so references follow filing order and a kept pépin exists (and is
 * open) before a duplicate is merged into it. Skipped entirely once any demo operator has
 * filed a pépin: a restart changes nothing.
 */
export async function loadDemoPepins(app: INestApplicationContext, say: (line: string) => void): Promise<void> {
  const directory = app.get(UserDirectoryService);
  const filing = app.get(PepinFiling);
  const triage = app.get(PepinTriage);
  const conversation = app.get(PepinConversation);
  const sessions = app.get(ListeningSessions);
  const queries = app.get(PepinQueries);

  const people = new Map<string, AuthenticatedUser>();
  const person = async (email: string): Promise<AuthenticatedUser> => {
    const known = people.get(email);
    if (known) return known;
    const entity = await directory.findUserByEmail(email);
    const user = entity ? await directory.findActiveUser(entity.id) : null;
    if (!user) throw new Error(`demo data: the demo account ${email} is missing or inactive`);
    people.set(email, user);
    return user;
  };

  const reporters = [...new Set(DEMO_PEPINS.map((pepin) => pepin.reporter))];
  for (const email of reporters) {
    if ((await queries.myPepins(await person(email), 1)).some((mine) => mine.relation === 'REPORTER')) {
      say('demo data: pépins already loaded');
      return;
    }
  }

  const now = app.get(Clock).now().getTime();
  const ids = new Map<string, string>();
  const idOf = (localId: string): string => {
    const id = ids.get(localId);
    if (id === undefined) throw new Error(`demo data: pépin ${localId} is not filed yet`);
    return id;
  };
  const latest = new Map<string, PepinView>();
  const counts = { supports: 0, lines: 0, sessions: 0 };

  const actions: Action[] = [];
  let order = 0;
  const at = (time: number, run: Action['run']) => actions.push({ at: Math.min(time, now), order: order++, run });

  for (const pepin of DEMO_PEPINS) {
    const filedAt = now - pepin.daysAgo * DAY;
    at(filedAt, async (when) => {
      const view = await filing.filePepin(await person(pepin.reporter), fileCommand(pepin), { at: when });
      ids.set(pepin.id, view.id);
      latest.set(pepin.id, view);
    });

    const supporters = pepin.supporters ?? [];
    const firstStep = pepin.story?.[0]?.daysAfter ?? pepin.daysAgo;
    const window = Math.min(firstStep * DAY, pepin.daysAgo * DAY, SUPPORT_WINDOW);
    supporters.forEach((email, index) => {
      at(filedAt + (window * (index + 1)) / (supporters.length + 1), async (when) => {
        latest.set(pepin.id, await filing.supportPepin(await person(email), idOf(pepin.id), null, { at: when }));
        counts.supports++;
      });
    });

    for (const step of pepin.story ?? []) {
      const stepAt = filedAt + step.daysAfter * DAY;
      switch (step.kind) {
        case 'acknowledge':
          at(stepAt, async (when) => {
            const view = await triage.acknowledgePepin(await person(step.by), idOf(pepin.id), step.message ?? null, {
              at: when,
            });
            latest.set(pepin.id, view);
          });
          break;
        case 'decline':
          at(stepAt, async (when) => {
            latest.set(
              pepin.id,
              await triage.declinePepin(await person(step.by), idOf(pepin.id), step.reason, { at: when }),
            );
          });
          break;
        case 'duplicate':
          at(stepAt, async (when) => {
            latest.set(
              pepin.id,
              await triage.markDuplicate(await person(step.by), idOf(pepin.id), idOf(step.of), { at: when }),
            );
          });
          break;
        case 'question':
          at(stepAt, async (when) => {
            await conversation.askReporter(await person(step.by), idOf(pepin.id), step.body, { at: when });
            counts.lines++;
          });
          break;
        case 'answer':
          at(stepAt, async (when) => {
            await conversation.replyToManagers(await person(pepin.reporter), idOf(pepin.id), step.body, { at: when });
            counts.lines++;
          });
          break;
        case 'listening':
          listening(pepin, step, stepAt);
          break;
      }
    }
  }

  /**
   * A double écoute: asked by the reporter, scheduled by the manager a little later (for
   * `scheduledInDays` after the request), notes by each side (after the session when it took
   * place, before it otherwise), then the outcome. Each part is an action of its own.
   */
  function listening(pepin: DemoPepin, step: ListeningStep, requestedAt: number): void {
    let sessionId: string | undefined;
    const session = (): string => {
      if (sessionId === undefined) throw new Error(`demo data: the double écoute of ${pepin.id} was not requested`);
      return sessionId;
    };
    at(requestedAt, async (when) => {
      const manager = await person(step.manager);
      const view = await sessions.requestListeningSession(
        await person(pepin.reporter),
        { pepinId: idOf(pepin.id), managerId: manager.id, reason: step.reason },
        { at: when },
      );
      sessionId = view.id;
      counts.sessions++;
    });
    let notesFrom = requestedAt;
    if (step.scheduledInDays !== undefined) {
      const sessionAt = requestedAt + step.scheduledInDays * DAY;
      const scheduledAt = requestedAt + Math.min(2 * HOUR, (Math.min(sessionAt, now) - requestedAt) / 2);
      at(scheduledAt, async (when) => {
        await sessions.scheduleListeningSession(await person(step.manager), session(), new Date(sessionAt), {
          at: when,
        });
      });
      notesFrom = step.outcome !== undefined ? sessionAt : scheduledAt;
    }
    const { operatorNotes, managerNotes, outcome } = step;
    if (operatorNotes !== undefined) {
      at(notesFrom + 45 * MINUTE, async (when) => {
        await sessions.writeListeningNotes(await person(pepin.reporter), session(), operatorNotes, { at: when });
      });
    }
    if (managerNotes !== undefined) {
      at(notesFrom + 60 * MINUTE, async (when) => {
        await sessions.writeListeningNotes(await person(step.manager), session(), managerNotes, { at: when });
      });
    }
    if (outcome !== undefined) {
      at(notesFrom + 75 * MINUTE, async (when) => {
        await sessions.completeListeningSession(await person(step.manager), session(), outcome, { at: when });
      });
    }
  }

  actions.sort((a, b) => a.at - b.at || a.order - b.order);
  for (const action of actions) await action.run(new Date(action.at));

  const final = [...latest.values()];
  const inStatus = (status: PepinStatus) => final.filter((view) => view.status === status).length;
  const overdue = final.filter((view) => view.status === PepinStatus.NEW && view.ackDueAt.getTime() < now).length;
  say(
    `demo data: filed ${final.length} pépins (${inStatus(PepinStatus.NEW)} new of which ${overdue} overdue, ` +
      `${inStatus(PepinStatus.ACKNOWLEDGED)} acknowledged, ${inStatus(PepinStatus.DECLINED)} declined, ` +
      `${inStatus(PepinStatus.DUPLICATE)} duplicates; ${counts.supports} supports, ${counts.lines} conversation lines, ` +
      `${counts.sessions} double écoutes)`,
  );
  await advanceDemoCodesign(app, latest, await person('manager1@pepite.demo'), now, say);
}

function fileCommand(pepin: DemoPepin): FilePepinCommand {
  return {
    title: pepin.title,
    description: pepin.description,
    customerImpact: CustomerImpact[pepin.customerImpact],
    ruleKey: pepin.ruleKey ?? null,
    ruleVersion: pepin.ruleKey === undefined ? null : DEMO_PEPINS_RULE_VERSION,
    noRuleApplies: pepin.noRuleApplies === true,
    callReference: pepin.callReference ?? null,
    signed: pepin.signed === true,
    idempotencyKey: `pepite-demo:${pepin.id}`,
  };
}
