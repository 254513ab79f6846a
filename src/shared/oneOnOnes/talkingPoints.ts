/** Talking points queued for a person between 1:1s, and where in the code they came from. */

export interface CodeReference {
  /** Path relative to the workspace folder, with forward slashes. */
  readonly path: string;
  /** 1-based, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
  readonly commit?: string;
  /** The file's URI, so the note can link back to the place. */
  readonly uri: string;
}

export interface TalkingPoint {
  readonly id: string;
  readonly text: string;
  /** Standing points come back every time; others leave the queue once in an agenda. */
  readonly standing: boolean;
  readonly addedOn: string;
  readonly source?: CodeReference;
}

export const TALKING_POINT_MAX_LENGTH = 500;

export function talkingPointProblem(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed.length === 0) {
    return 'Enter what you want to talk about.';
  }
  if (trimmed.length > TALKING_POINT_MAX_LENGTH) {
    return `Keep it under ${TALKING_POINT_MAX_LENGTH} characters; the detail can go in the note.`;
  }
  return undefined;
}

function lines(ref: CodeReference): string {
  return ref.startLine === ref.endLine ? `${ref.startLine}` : `${ref.startLine}-${ref.endLine}`;
}

/**
 * A URI that cannot end a Markdown link early. encodeURIComponent leaves ( and ) as they are, so
 * those are encoded here; a run is encoded at once, not one call per space of a long run.
 */
function linkTarget(uri: string): string {
  return uri.replace(/[()\s]+/g, (run) => encodeURIComponent(run).replace(/\(/g, '%28').replace(/\)/g, '%29'));
}

/** A talking point as an agenda line, linking back to the code it came from. */
export function talkingPointAsMarkdown(point: TalkingPoint): string {
  const text = point.text.replace(/\s+/g, ' ').trim();
  const standing = point.standing ? ' _(standing)_' : '';
  if (!point.source) {
    return `${text}${standing}`;
  }
  const ref = point.source;
  const link = `[${ref.path}:${lines(ref)}](${linkTarget(ref.uri)}#L${ref.startLine})`;
  const commit = ref.commit ? ` at \`${ref.commit.slice(0, 7)}\`` : '';
  return `${text} (${link}${commit})${standing}`;
}

/** What a new agenda takes from the queue, and what stays queued afterwards. */
export function takeForAgenda(points: readonly TalkingPoint[]): { agenda: TalkingPoint[]; remaining: TalkingPoint[] } {
  return { agenda: [...points], remaining: points.filter((p) => p.standing) };
}

/** A short label for a selection of code: its first non-empty line, trimmed. */
export function summarizeSelection(text: string, maxLength = 80): string {
  const first = text.split(/\r?\n/).map((l) => l.trim()).find((l) => l.length > 0) ?? '';
  return first.length > maxLength ? `${first.slice(0, maxLength - 1)}…` : first;
}
