/**
 * The sidebar's half-typed form, kept on disk by `JsonFileStore` so that nothing typed is lost to a
 * reload. The webview sends it on every keystroke; only the latest is written, one write at a time.
 */
import type { KeptDraft } from '../../shared/protocol';
import { SIDEBAR_DRAFT_FILE } from '../../shared/storageLayout';
import { parseSidebarDraftFile, serializeSidebarDraftFile } from '../../shared/storedSidebarDraft';
import { JsonFileStore, type DataLocation, type JsonFileStoreOptions } from './jsonFileStore';

export class SidebarDraftStore extends JsonFileStore<KeptDraft | undefined> {
  /** What this window has kept since it loaded; undefined until then, so the loaded form counts. */
  private latest: { form: KeptDraft | undefined } | undefined;
  /**
   * The form as this window loaded it. Not `value`, which follows the file: another window's
   * half-typed form must not appear in this one.
   */
  private loaded: Promise<KeptDraft | undefined> = Promise.resolve(undefined);
  private unwritten = false;
  private writing: Promise<void> | undefined;

  constructor(options: JsonFileStoreOptions = {}) {
    super({ fileName: SIDEBAR_DRAFT_FILE, empty: undefined, parse: parseSidebarDraftFile, serialize: serializeSidebarDraftFile }, options);
  }

  override open(location: DataLocation): Promise<void> {
    this.latest = undefined;
    const opening = super.open(location);
    this.loaded = opening.then(() => this.value);
    return opening;
  }

  /** The form to give back to a sidebar that came back without one, once the data has loaded. */
  async form(): Promise<KeptDraft | undefined> {
    const loaded = await this.loaded;
    return this.latest ? this.latest.form : loaded;
  }

  /** Keeps the form as typed now (none once it is saved or cancelled) and writes it soon. */
  keep(form: KeptDraft | undefined): void {
    this.latest = { form };
    this.unwritten = true;
    this.writing ??= this.writeLatest();
  }

  /** Forgets the form without writing it: after Delete All My Data there is nothing to keep. */
  forget(): void {
    this.latest = { form: undefined };
    this.unwritten = false;
  }

  /** Resolves once every form kept so far is on disk (or could not be written). */
  async flush(): Promise<void> {
    await this.writing;
  }

  private async writeLatest(): Promise<void> {
    while (this.unwritten && this.latest) {
      this.unwritten = false;
      const form = this.latest.form;
      // Not ready (no folder open) or a failed write: the form is still kept in memory for this
      // window, which is as much as the webview's own state would have done.
      await this.change(() => ({ value: form, result: undefined }));
    }
    this.writing = undefined;
  }
}
