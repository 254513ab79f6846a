/**
 * A brief is shown in the Markdown preview, a webview: its tab has no resource, so a title-bar
 * button cannot be shown by `resourceScheme`. This knows a brief's tab by its title: the briefs it
 * opened, and the brief of anyone on the team (a preview VS Code restores after a reload was not
 * opened by this window). It sets a context key while one of them is the active tab, so "Start
 * 1:1 from This Brief" stays one click away after the notification that came with the brief has gone.
 */
import * as vscode from 'vscode';
import { briefUri } from './briefCommands';

export const BRIEF_PREVIEW_CONTEXT = 'twoHats.briefPreviewActive';

/** The brief's file name without `.md`: the preview's tab label holds it ("Preview …"). */
function titleOf(uri: vscode.Uri): string {
  return decodeURIComponent(uri.path.slice(uri.path.lastIndexOf('/') + 1)).replace(/\.md$/, '');
}

export class BriefPreviewTabs implements vscode.Disposable {
  /** Title → person, for the briefs opened in this window. */
  private readonly briefs = new Map<string, string>();
  private readonly subscriptions: vscode.Disposable[];
  private shown = false;

  /** `people` is the team now, whose briefs may be open in previews restored from an earlier session. */
  constructor(private readonly people: () => readonly { readonly id: string; readonly name: string }[] = () => []) {
    this.subscriptions = [vscode.window.tabGroups.onDidChangeTabs(() => this.update()), vscode.window.tabGroups.onDidChangeTabGroups(() => this.update())];
  }

  remember(uri: vscode.Uri, personId: string): void {
    this.briefs.set(titleOf(uri), personId);
    this.update();
  }

  /** Title → person: the team's briefs, and those opened here (a person since renamed included). */
  private titles(): Map<string, string> {
    const titles = new Map(this.briefs);
    for (const person of this.people()) {
      titles.set(titleOf(briefUri(person.id, person.name)), person.id);
    }
    return titles;
  }

  /**
   * Whether a Markdown preview tab's label is a brief's: presenting mode closes those (a preview
   * left open for minutes no longer has its document loaded, so refreshing the brief's content
   * would not reach it, and one restored after a reload was never opened by this window).
   */
  isBriefPreviewLabel(label: string): boolean {
    return [...this.titles().keys()].some((title) => label.endsWith(title) || label.endsWith(`${title}.md`));
  }

  /** The person whose brief preview is the active tab, if one is. */
  activePersonId(): string | undefined {
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    if (!tab || !(tab.input instanceof vscode.TabInputWebview)) {
      return undefined;
    }
    // The longest title first: "…with Ann" must not claim the brief of "…with Anna".
    const known = this.titles();
    const titles = [...known.keys()].sort((a, b) => b.length - a.length);
    const title = titles.find((candidate) => tab.label.endsWith(candidate) || tab.label.endsWith(`${candidate}.md`));
    return title === undefined ? undefined : known.get(title);
  }

  private update(): void {
    const shown = this.activePersonId() !== undefined;
    if (shown !== this.shown) {
      this.shown = shown;
      void vscode.commands.executeCommand('setContext', BRIEF_PREVIEW_CONTEXT, shown);
    }
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }
}
