/**
 * The week's balance between the two hats: action items and talking points tagged
 * `#leadership` (or `#lead`) and `#management` (or `#manage`).
 */
import * as l10n from '../l10n';
import { splitLines } from '../lines';

export interface HatBalance {
  readonly leadership: number;
  readonly management: number;
}

export const EMPTY_BALANCE: HatBalance = { leadership: 0, management: 0 };

const LEADERSHIP = /(?:^|\s)#(?:leadership|lead)\b/i;
const MANAGEMENT = /(?:^|\s)#(?:management|manage)\b/i;
const LIST_ITEM = /^\s*[-*+]\s+/;

/** Counts one text (a task line, a talking point) toward each hat it is tagged with. */
export function tagsOf(text: string): HatBalance {
  return { leadership: LEADERSHIP.test(text) ? 1 : 0, management: MANAGEMENT.test(text) ? 1 : 0 };
}

/** Sums the tags on the list items (tasks and talking points) of a note. */
export function balanceOfNote(markdown: string): HatBalance {
  return splitLines(markdown)
    .filter((line) => LIST_ITEM.test(line))
    .map(tagsOf)
    .reduce(addBalance, EMPTY_BALANCE);
}

export function addBalance(a: HatBalance, b: HatBalance): HatBalance {
  return { leadership: a.leadership + b.leadership, management: a.management + b.management };
}

export function balanceLabel(balance: HatBalance): string {
  const total = balance.leadership + balance.management;
  if (total === 0) {
    return l10n.t('Nothing tagged this week. Tag action items and talking points #leadership or #management.');
  }
  const share = Math.round((balance.leadership / total) * 100);
  return l10n.t('{0} leadership · {1} management ({2}% leading)', balance.leadership, balance.management, share);
}
