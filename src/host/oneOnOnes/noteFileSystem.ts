/**
 * 1:1 notes open in ordinary editor tabs on Two Hats' own scheme. Owning the file system means
 * owning every write: Ctrl+S and auto save go through the note store, which writes atomically,
 * instead of the editor truncating a plain file in place.
 */
import * as vscode from 'vscode';
import { NOTE_SCHEME } from '../constants';
import type { NoteMeta } from '../../shared/oneOnOnes/noteIndex';
import { isStoredId } from '../../shared/storageLayout';
import type { NoteStore } from '../storage/noteStore';

/**
 * `two-hats-note://<id>/<title>.md`: the id finds the note, the title names the tab. The id is the
 * authority, not a folder, so the breadcrumbs above the note show its title alone, not a UUID.
 */
export function noteUri(id: string, title: string): vscode.Uri {
  const safeTitle = title.replace(/[\\/:*?"<>|#%]/g, '-');
  return vscode.Uri.from({ scheme: NOTE_SCHEME, authority: id, path: `/${safeTitle}.md` });
}

/** The note's id; a tab restored from an earlier Two Hats names it as the first folder (`two-hats-note:/<id>/<title>.md`). */
export function noteIdOf(uri: vscode.Uri): string | undefined {
  if (isStoredId(uri.authority)) {
    return uri.authority;
  }
  const first = uri.authority === '' && uri.path.startsWith('/') ? uri.path.split('/')[1] : undefined;
  return first !== undefined && isStoredId(first) && uri.path.length > first.length + 2 ? first : undefined;
}

export class NoteFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  private readonly subscription: vscode.Disposable;
  readonly onDidChangeFile = this.emitter.event;

  constructor(private readonly store: NoteStore) {
    this.subscription = store.onDidChange((id) => {
      const meta = id ? store.find(id) : undefined;
      if (meta) {
        // A tab restored from an earlier Two Hats still shows the note under the old form of its URI.
        const earlierUri = vscode.Uri.from({ scheme: NOTE_SCHEME, path: `/${meta.id}${noteUri(meta.id, meta.title).path}` });
        this.emitter.fire([
          { type: vscode.FileChangeType.Changed, uri: noteUri(meta.id, meta.title) },
          { type: vscode.FileChangeType.Changed, uri: earlierUri },
        ]);
      }
    });
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    // The root, and in an earlier URI the `/<id>` folder, are where a title lives: writes
    // through workspace.fs check that the parent exists.
    if (uri.path === '/' || (uri.authority === '' && isStoredId(uri.path.slice(1)))) {
      return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    }
    const meta = await this.lookUp(noteIdOf(uri));
    if (!meta) {
      throw vscode.FileSystemError.FileNotFound(uri);
    }
    return { type: vscode.FileType.File, ctime: meta.createdAt, mtime: meta.updatedAt, size: 0 };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const meta = await this.lookUp(noteIdOf(uri));
    if (!meta) {
      throw vscode.FileSystemError.FileNotFound(uri);
    }
    return this.store.readBytes(meta.id);
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const id = (await this.lookUp(noteIdOf(uri)))?.id;
    if (!id) {
      throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Start a 1:1 to create a note; Two Hats notes cannot be created by path.'));
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    } catch {
      throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('This note is not valid UTF-8 text, so it was not saved.'));
    }
    await this.store.write(id, text);
  }

  /**
   * Tabs restored at startup ask for their notes before the index has loaded, and a note written
   * by another program reaches the index only when the files have been checked: wait for both
   * before calling a note missing.
   */
  private async lookUp(id: string | undefined): Promise<NoteMeta | undefined> {
    if (!id) {
      return undefined;
    }
    await this.store.opened();
    if (this.store.find(id)) {
      return this.store.find(id);
    }
    await this.store.reconciled().catch(() => undefined);
    return this.store.find(id);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Two Hats notes have no folders.'));
  }

  delete(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Two Hats notes cannot be deleted from the editor.'));
  }

  rename(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Two Hats notes cannot be renamed.'));
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
