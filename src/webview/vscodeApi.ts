/** The webview's only door to the host: typed posts, and UI state that survives hiding and reloads. */
import type { WebviewMessage } from '../shared/protocol';

interface VsCodeApi<State> {
  postMessage(message: WebviewMessage): void;
  getState(): State | undefined;
  setState(state: State): void;
}

declare function acquireVsCodeApi<State>(): VsCodeApi<State>;

export function connect<State>(): VsCodeApi<State> {
  return acquireVsCodeApi<State>();
}
