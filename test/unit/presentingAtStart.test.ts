import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { PRESENTING_FLAG_FILE, presentingAtStart } from '../../src/host/presenting/presentingAtStart';
import { MEMENTO_KEYS } from '../../src/shared/storageLayout';

/** Global state holding only presenting mode's key, as a fresh window reads it. */
function globalState(presenting: boolean | undefined): vscode.Memento {
  const values = new Map<string, unknown>(presenting === undefined ? [] : [[MEMENTO_KEYS.presenting, presenting]]);
  return { keys: () => [...values.keys()], get: (key: string, fallback?: unknown) => (values.has(key) ? values.get(key) : fallback), update: async () => undefined } as vscode.Memento;
}

// The sidebar's first page is painted before presenting mode's own object exists: it must never
// show a cached team unfiltered while another window has started presenting, or when it cannot tell.
describe('presenting mode as the sidebar\'s first page finds it', () => {
  let folder: string;
  let flagFolder: vscode.Uri;
  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'two-hats-presenting-'));
    flagFolder = { scheme: 'file', fsPath: folder } as vscode.Uri;
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('is off when global state says off and no window has written the flag file', () => {
    assert.equal(presentingAtStart(globalState(undefined), flagFolder), false);
    assert.equal(presentingAtStart(globalState(false), flagFolder), false);
  });

  it('is on when global state says so, whatever the flag file says', () => {
    writeFileSync(path.join(folder, PRESENTING_FLAG_FILE), JSON.stringify({ presenting: false }));
    assert.equal(presentingAtStart(globalState(true), flagFolder), true);
  });

  it('is on when another window started presenting (the flag file says so, global state not yet)', () => {
    writeFileSync(path.join(folder, PRESENTING_FLAG_FILE), JSON.stringify({ presenting: true }));
    assert.equal(presentingAtStart(globalState(false), flagFolder), true);
  });

  it('is off when the flag file says another window stopped', () => {
    writeFileSync(path.join(folder, PRESENTING_FLAG_FILE), JSON.stringify({ presenting: false }));
    assert.equal(presentingAtStart(globalState(false), flagFolder), false);
  });

  it('is on when the flag file is there but cannot be understood (half written, damaged, a folder)', () => {
    for (const content of ['{"presen', '', 'null', '{"presenting":"no"}']) {
      writeFileSync(path.join(folder, PRESENTING_FLAG_FILE), content);
      assert.equal(presentingAtStart(globalState(false), flagFolder), true, JSON.stringify(content));
    }
    rmSync(path.join(folder, PRESENTING_FLAG_FILE));
    mkdirSync(path.join(folder, PRESENTING_FLAG_FILE));
    assert.equal(presentingAtStart(globalState(false), flagFolder), true, 'a folder in the flag file\'s place');
  });
});
