/**
 * How the privacy rule (privacy.ts) reads a note: marked's block lexer, taught to note where
 * top-level private headings and end markers start, to count as private what is in doubt (a
 * private heading nested in a list or a quote, or swallowed by a fence or comment left open), and
 * to stop when nesting or re-reading costs more than a note would.
 */
import { getDefaults, Lexer, Tokenizer, type Token, type Tokens } from 'marked';
import { afterHashSigns } from './plainRuns';

/** Deeper nesting of lists and quotes than any note has; marked recurses once per level. */
const MAX_NESTING = 24;
/** marked re-reads nested content once per level; more re-reading than this is an attack, not a note. */
const WORK_PER_CHAR = 8;

/**
 * Character references as a reader sees them rendered: `&#x1F512;` is a lock, `&nbsp;` a space.
 * Named ones are dropped (`&nbsp;`, `&quot;`, `&laquo;` are spaces and punctuation; a letter typed
 * as a name would only make a heading read as private in doubt). Linear: one pass, bounded names.
 */
function withoutCharacterReferences(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#x([\da-f]{1,6})|[a-z][a-z\d]{1,31});/gi, (_, decimal?: string, hex?: string) => {
    const code = decimal !== undefined ? Number(decimal) : hex !== undefined ? Number.parseInt(hex, 16) : undefined;
    return code !== undefined && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
  });
}

/**
 * Whether a heading's words start with "private" (or the German "privat", as the German interface
 * calls it), ignoring emoji, symbols, punctuation, character references and case.
 */
export function isPrivateHeadingText(text: string): boolean {
  return withoutCharacterReferences(
    text
      // `:lock:` shortcodes and images are pictures, like an emoji: `## :lock: Private`.
      .replace(/!\[[^\]\n]{0,200}\]\([^)\n]{0,400}\)/g, '')
      .replace(/:[\w+-]{1,40}:/g, ''),
  )
    .replace(/<[^<>]*>/g, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\P{L}/gu, '')
    .startsWith('privat');
}

/**
 * A line a reader takes for a private heading though Markdown does not: `##Private notes` with the
 * space forgotten, an invisible character (U+200B, U+0085…) where the space should be, a no-break
 * or ideographic space or an invisible character before the hashes, full-width hashes. In doubt,
 * private.
 */
function looksLikePrivateHeading(line: string): boolean {
  const end = afterHashSigns(line);
  return end !== undefined && isPrivateHeadingText(line.slice(end));
}

/** An HTML heading element: the tag that opens one, its attributes bounded. */
const HTML_HEADING_OPEN = /<h[1-6](?:\s[^<>]{0,400})?>/gi;
/** Longer than any heading's text: what follows an opening tag that is read as its content. */
const HTML_HEADING_TEXT_MAX = 400;

/**
 * Where in `raw` an HTML heading naming the private part starts (`<h2>Private notes</h2>`, also over
 * several lines), as the offset of the line holding its opening tag; undefined when there is none.
 * Linear: each opening tag looks at a bounded stretch after it.
 */
function privateHtmlHeadingAt(raw: string): number | undefined {
  const opens = [...raw.matchAll(HTML_HEADING_OPEN)];
  for (let i = 0; i < opens.length; i++) {
    const open = opens[i]!;
    const from = open.index + open[0].length;
    // A heading holds no heading: the stretch ends at the next opening tag, so stretches never overlap.
    const stretch = raw.slice(from, Math.min(from + HTML_HEADING_TEXT_MAX, opens[i + 1]?.index ?? raw.length));
    const close = stretch.search(/<\/h[1-6]\s*>/i);
    if (isPrivateHeadingText((close < 0 ? stretch : stretch.slice(0, close)).replace(/\s+/g, ' '))) {
      return raw.lastIndexOf('\n', open.index) + 1;
    }
  }
  return undefined;
}

/** An ATX heading line, or a setext one (its text line followed by `===` or `---`), naming the private part. */
function isPrivateHeadingLine(line: string, next: string | undefined): boolean {
  if (afterHashSigns(line) !== undefined) {
    return looksLikePrivateHeading(line);
  }
  return next !== undefined && /^ {0,3}(?:=+|-+)[ \t]*$/.test(next) && isPrivateHeadingText(line);
}

function hasPrivateHeadingLine(raw: string): boolean {
  const lines = raw.split('\n');
  return lines.some((line, i) => isPrivateHeadingLine(line.trimStart(), lines[i + 1]?.trimStart())) || privateHtmlHeadingAt(raw) !== undefined;
}

function isEndMarker(html: string): boolean {
  return /^<!--\s*end\s+private\s*-->$/i.test(html.trim());
}

export class NestingTooDeep extends Error {}

/** Whether a fenced block's raw text ends with a closing fence (marked also ends one at the end of the note). */
function isClosedFence(raw: string): boolean {
  const lines = raw.trimEnd().split('\n');
  const opening = /^ {0,3}(`{3,}|~{3,})/.exec(lines[0] ?? '')?.[1];
  const closing = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(lines.at(-1) ?? '')?.[1];
  return lines.length > 1 && opening !== undefined && closing !== undefined && closing[0] === opening[0] && closing.length >= opening.length;
}

/** Notes where the top-level private headings and end markers start, as offsets into the text. */
export class PrivacyTokenizer extends Tokenizer {
  /** Length of the whole text: a top-level method's `src` is its tail, so `total - src.length` is where it starts. */
  total = 0;
  readonly starts: number[] = [];
  readonly ends: { from: number; to: number }[] = [];
  private readonly containers: ('list' | 'blockquote')[] = [];
  private privateInList = false;

  override heading(src: string): Tokens.Heading | undefined {
    return this.noteHeading(src, super.heading(src));
  }

  override lheading(src: string): Tokens.Heading | undefined {
    return this.noteHeading(src, super.lheading(src));
  }

  override paragraph(src: string): Tokens.Paragraph | undefined {
    return this.noteLookalikes(src, super.paragraph(src));
  }

  override text(src: string): Tokens.Text | undefined {
    return this.noteLookalikes(src, super.text(src));
  }

  /** A paragraph holding a line that looks like a private heading to a reader (see looksLikePrivateHeading). */
  private noteLookalikes<T extends Tokens.Paragraph | Tokens.Text | Tokens.Table>(src: string, token: T | undefined): T | undefined {
    if (!token) {
      return token;
    }
    const lines = token.raw.split('\n');
    const htmlHeading = privateHtmlHeadingAt(token.raw);
    if (this.containers.length > 0) {
      this.privateInList ||= htmlHeading !== undefined || lines.some(looksLikePrivateHeading);
      return token;
    }
    let offset = 0;
    for (const line of lines) {
      if (looksLikePrivateHeading(line) || offset === htmlHeading) {
        break;
      }
      offset += line.length + 1;
    }
    if (offset < token.raw.length || htmlHeading !== undefined) {
      this.starts.push(this.total - src.length + Math.min(offset, htmlHeading ?? offset));
    }
    return token;
  }

  override html(src: string): Tokens.HTML | undefined {
    const token = super.html(src);
    if (token && this.containers.length === 0) {
      const from = this.total - src.length;
      if (isEndMarker(token.raw)) {
        this.ends.push({ from, to: from + token.raw.trimEnd().length });
      } else {
        // An HTML block (a comment left open, `<pre>`, `<details>`…) can swallow what the user
        // meant as a private heading: in doubt, a heading-like line in it still counts.
        this.noteUnclosed(src, token.raw);
      }
    } else if (token && hasPrivateHeadingLine(token.raw)) {
      this.privateInList = true;
    }
    return token;
  }

  /**
   * A table takes the lines after it as rows until a blank line or a heading; a line that only
   * looks like a heading (`\uff03 Private notes`) does not end it. In doubt, private.
   */
  override table(src: string): Tokens.Table | undefined {
    return this.noteLookalikes(src, super.table(src));
  }

  override fences(src: string): Tokens.Code | undefined {
    const token = super.fences(src);
    if (token && !isClosedFence(token.raw)) {
      if (this.containers.length === 0) {
        this.noteUnclosed(src, token.raw);
      } else if (hasPrivateHeadingLine(token.raw)) {
        this.privateInList = true;
      }
    }
    return token;
  }

  /**
   * A fence or comment left open swallows the rest of the note, private heading included; the
   * user most likely forgot to close it. In doubt, private: a heading-like line in it still counts.
   */
  private noteUnclosed(src: string, raw: string): void {
    const htmlHeading = privateHtmlHeadingAt(raw);
    let offset = 0;
    const lines = raw.split('\n');
    for (let i = 0; i < lines.length && offset !== htmlHeading; i++) {
      if (isPrivateHeadingLine(lines[i]!, lines[i + 1])) {
        break;
      }
      offset += lines[i]!.length + 1;
    }
    if (offset < raw.length || htmlHeading !== undefined) {
      this.starts.push(this.total - src.length + Math.min(offset, htmlHeading ?? offset));
    }
  }

  override blockquote(src: string): Tokens.Blockquote | undefined {
    const topLevel = this.containers.length === 0;
    const token = this.within('blockquote', () => super.blockquote(src));
    if (topLevel && this.privateInList) {
      // A private heading quoted (`> ## Private`) is in doubt too: the quote counts as private.
      this.privateInList = false;
      if (token) {
        this.starts.push(this.total - src.length);
      }
    }
    return token;
  }

  override list(src: string): Tokens.List | undefined {
    const topLevel = this.containers.length === 0;
    const token = this.within('list', () => super.list(src));
    if (topLevel && this.privateInList) {
      // A heading nested in a list is in doubt: the whole list, from its start, counts as private.
      this.privateInList = false;
      if (token) {
        this.starts.push(this.total - src.length);
      }
    }
    return token;
  }

  private within<T>(container: 'list' | 'blockquote', read: () => T): T {
    if (this.containers.length >= MAX_NESTING) {
      throw new NestingTooDeep();
    }
    this.containers.push(container);
    try {
      return read();
    } finally {
      this.containers.pop();
    }
  }

  private noteHeading(src: string, token: Tokens.Heading | undefined): Tokens.Heading | undefined {
    // A setext heading's text may span lines ("Discussed roadmap." then "Private notes", underlined):
    // the user sees the underlined line as the heading. In doubt, private from the heading's start.
    // (Its last line: folding plain lines (plainRuns.ts) keeps a run's last line on its own.)
    if (token && (isPrivateHeadingText(token.text) || isPrivateHeadingText(token.text.slice(token.text.lastIndexOf('\n') + 1)))) {
      if (this.containers.length === 0) {
        this.starts.push(this.total - src.length);
      } else {
        this.privateInList = true;
      }
    }
    return token;
  }
}

/**
 * marked's lexer with a budget: nested content is read again once per level of nesting, so
 * reading beyond the budget or too deep stops it.
 */
export function budgetedLexer(tokenizer: Tokenizer, length: number): Lexer {
  const lexer = new Lexer({ ...getDefaults(), tokenizer, silent: false });
  const read = lexer.blockTokens.bind(lexer) as (src: string, tokens?: Token[], clipped?: boolean) => Token[];
  const budget = WORK_PER_CHAR * length + 4096;
  let work = 0;
  // Nested lists and quotes call the lexer's own blockTokens, so this sees every level.
  lexer.blockTokens = ((src: string, tokens?: Token[], clipped?: boolean) => {
    work += src.length;
    if (work > budget) {
      throw new NestingTooDeep();
    }
    return read(src, tokens, clipped);
  }) as Lexer['blockTokens'];
  return lexer;
}
