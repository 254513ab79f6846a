import { findTemplate } from '../../shared/oneOnOnes/templates';
import { PRINCIPLES, type Principle } from '../../shared/principles/catalogue';
import { principleOfTheDay } from '../../shared/principles/daily';
import { HAT_DESCRIPTIONS, type Hat } from '../../shared/principles/hats';
import { SOURCES } from '../../shared/principles/sources';
import type { PrincipleCard, Snapshot, StorageState } from '../../shared/protocol';
import { dueStatus, localToday, sortForDisplay, type Person } from '../../shared/team';

function card(principle: Principle): PrincipleCard {
  return {
    id: principle.id,
    title: principle.title,
    summary: principle.summary,
    prompt: principle.prompts[0]!,
    source: SOURCES[principle.source].short,
  };
}

/** Everything the sidebar shows, computed by the host so the webview never derives data. */
/** The latest note of a person, as far as the sidebar needs it. */
export type LatestNote = (
  personId: string,
) => { id: string; date: string; templateId: string; openItems: readonly { line: number; text: string }[] } | undefined;

export function buildSnapshot(storage: StorageState, people: readonly Person[], hat: Hat, latestNote: LatestNote, today = localToday()): Snapshot {
  const hatSide = PRINCIPLES.filter((p) => p.side === HAT_DESCRIPTIONS[hat].side);
  return {
    storage,
    today,
    hat,
    principleOfTheDay: card(principleOfTheDay(today)),
    hatPrompt: card(principleOfTheDay(`${today}/${hat}`, hatSide)),
    people: sortForDisplay(people, today).map((person) => {
      const due = dueStatus(person, today);
      const latest = latestNote(person.id);
      return {
        ...person,
        dueOn: due.dueOn,
        dueLabel: due.label,
        overdue: !person.archived && due.overdue,
        openItems: latest ? latest.openItems.map((item) => ({ noteId: latest.id, line: item.line, text: item.text })) : [],
        ...(latest
          ? { lastNote: { id: latest.id, label: `Last 1:1 · ${latest.date} · ${findTemplate(latest.templateId)?.title ?? 'note'}` } }
          : {}),
      };
    }),
  };
}
