/**
 * The one module that owns 1:1 notes on disk: a Markdown file per note and an index that says
 * what each note is, both written atomically.
 */
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { openActionItems } from '../../shared/oneOnOnes/actionItems';
import { parseNoteIndex, serializeNoteIndex, type NoteMeta } from '../../shared/oneOnOnes/noteIndex';
import { NotesByPerson } from '../../shared/oneOnOnes/notesByPerson';
import type { SearchableNote } from '../../shared/oneOnOnes/search';
import { balanceOfNote } from '../../shared/principles/balance';
import { readFileIfExists, setAside, writeFileAtomic } from './atomicFile';
import { SerialQueue } from './serialQueue';
import type { SetAsideNotice } from './jsonFileStore';

const INDEX_FILE = 'notes-index.json';
const NOTES_DIR = 'notes';
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

export interface NewNote {
  readonly personId: string;
  readonly date: string;
  readonly templateId: string;
  readonly title: string;
  readonly content: string;
}

export class NoteStore implements vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<string | undefined>();
  private readonly setAsideEmitter = new vscode.EventEmitter<SetAsideNotice>();
  private readonly queue = new SerialQueue();
  private folder: vscode.Uri | undefined;
  private notes = new NotesByPerson();
  /** Note bodies read so far, for search; filled on the first search, kept current by writes. */
  private readonly texts = new Map<string, string>();

  /** Fires with the id of the note that changed, or undefined when everything may have. */
  readonly onDidChange = this.changeEmitter.event;
  readonly onDidSetAside = this.setAsideEmitter.event;

  open(folder: vscode.Uri | undefined): Promise<void> {
    return this.queue.run(async () => {
      this.folder = folder;
      this.notes = new NotesByPerson();
      this.texts.clear();
      if (folder) {
        await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder, NOTES_DIR));
        this.notes = new NotesByPerson(await this.readIndex(folder));
      }
      this.changeEmitter.fire(undefined);
    });
  }

  get ready(): boolean {
    return this.folder !== undefined;
  }

  find(id: string): NoteMeta | undefined {
    return this.notes.find(id);
  }

  /** A person's notes, newest first. */
  forPerson(personId: string): readonly NoteMeta[] {
    return this.notes.forPerson(personId);
  }

  /** Every note, for figures across the whole team such as the week's balance. */
  get all(): readonly NoteMeta[] {
    return this.notes.all;
  }

  latest(personId: string): NoteMeta | undefined {
    return this.notes.latest(personId);
  }

  async read(id: string): Promise<string> {
    const bytes = await readFileIfExists(this.noteUri(id));
    if (bytes === undefined) {
      throw vscode.FileSystemError.FileNotFound(`Two Hats note ${id}`);
    }
    return decoder.decode(bytes);
  }

  create(note: NewNote): Promise<NoteMeta> {
    return this.queue.run(async () => {
      const now = Date.now();
      const meta: NoteMeta = {
        id: randomUUID(),
        personId: note.personId,
        date: note.date,
        templateId: note.templateId,
        title: note.title,
        createdAt: now,
        updatedAt: now,
        openItems: openActionItems(note.content).map(({ line, text }) => ({ line, text })),
        hatTags: balanceOfNote(note.content),
      };
      // The body first: an index entry must never point at a note that is not on disk.
      await writeFileAtomic(this.noteUri(meta.id), encoder.encode(note.content));
      await this.writeIndex(this.notes.with(meta));
      this.texts.set(meta.id, note.content);
      this.changeEmitter.fire(meta.id);
      return meta;
    });
  }

  write(id: string, content: string): Promise<NoteMeta> {
    return this.queue.run(async () => {
      const current = this.find(id);
      if (!current) {
        throw vscode.FileSystemError.FileNotFound(`Two Hats note ${id}`);
      }
      await writeFileAtomic(this.noteUri(id), encoder.encode(content));
      this.texts.set(id, content);
      const meta: NoteMeta = {
        ...current,
        updatedAt: Date.now(),
        openItems: openActionItems(content).map(({ line, text }) => ({ line, text })),
        hatTags: balanceOfNote(content),
      };
      await this.writeIndex(this.notes.with(meta));
      this.changeEmitter.fire(id);
      return meta;
    });
  }

  /** Every note's text, for search: read from disk once, then kept current by saves. */
  async searchable(): Promise<SearchableNote[]> {
    const missing = this.notes.all.filter((note) => !this.texts.has(note.id));
    // A few reads at a time: thousands of notes at once would flood the file system.
    for (let i = 0; i < missing.length; i += 32) {
      await Promise.all(
        missing.slice(i, i + 32).map(async (note) => {
          const text = await this.read(note.id).catch(() => undefined);
          if (text !== undefined) {
            this.texts.set(note.id, text);
          }
        }),
      );
    }
    return this.notes.all.flatMap((note) => {
      const text = this.texts.get(note.id);
      return text === undefined ? [] : [{ id: note.id, text }];
    });
  }

  dispose(): void {
    this.changeEmitter.dispose();
    this.setAsideEmitter.dispose();
  }

  private noteUri(id: string): vscode.Uri {
    if (!this.folder) {
      throw vscode.FileSystemError.Unavailable('Open a folder first: Two Hats keeps notes in its workspace storage.');
    }
    return vscode.Uri.joinPath(this.folder, NOTES_DIR, `${id}.md`);
  }

  private async writeIndex(notes: NotesByPerson): Promise<void> {
    await writeFileAtomic(vscode.Uri.joinPath(this.folder!, INDEX_FILE), encoder.encode(serializeNoteIndex(notes.all)));
    this.notes = notes;
  }

  private async readIndex(folder: vscode.Uri): Promise<NoteMeta[]> {
    const target = vscode.Uri.joinPath(folder, INDEX_FILE);
    const bytes = await readFileIfExists(target);
    if (bytes === undefined) {
      return [];
    }
    const result = parseNoteIndex(decoder.decode(bytes));
    if (result.ok) {
      return result.notes;
    }
    const movedTo = await setAside(target, result.fromNewerVersion ? 'newer' : 'corrupt');
    this.setAsideEmitter.fire({ original: target, movedTo, reason: result.reason });
    return [];
  }
}
