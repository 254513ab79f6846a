/** Every id the extension contributes, in one place; a test checks them against package.json. */

export const EXTENSION_ID = 'two-hats.two-hats';
export const SIDEBAR_VIEW_ID = 'twoHats.sidebar';
/** Notes open in editor tabs on this scheme; `onFileSystem` activation names it in package.json. */
export const NOTE_SCHEME = 'two-hats-note';
/** Read-only briefs before a 1:1, virtual documents shown in the Markdown preview. */
export const BRIEF_SCHEME = 'two-hats-brief';

export const COMMANDS = {
  addPerson: 'twoHats.addPerson',
  editPerson: 'twoHats.editPerson',
  renamePerson: 'twoHats.renamePerson',
  archivePerson: 'twoHats.archivePerson',
  unarchivePerson: 'twoHats.unarchivePerson',
  showDataLocation: 'twoHats.showDataLocation',
  browsePrinciples: 'twoHats.browsePrinciples',
  insertPrinciplePrompt: 'twoHats.insertPrinciplePrompt',
  principleOfTheDay: 'twoHats.principleOfTheDay',
  openPrinciple: 'twoHats.openPrinciple',
  switchHat: 'twoHats.switchHat',
  whichHat: 'twoHats.whichHat',
  startOneOnOne: 'twoHats.startOneOnOne',
  openNote: 'twoHats.openNote',
  copyShareableAgenda: 'twoHats.copyShareableAgenda',
  searchNotes: 'twoHats.searchNotes',
  deleteAllData: 'twoHats.deleteAllData',
  queueTalkingPoint: 'twoHats.queueTalkingPoint',
  addSelectionToNextOneOnOne: 'twoHats.addSelectionToNextOneOnOne',
  saveNoteAsTemplate: 'twoHats.saveNoteAsTemplate',
  exportNotes: 'twoHats.exportNotes',
  restoreFromBackup: 'twoHats.restoreFromBackup',
  reloadData: 'twoHats.reloadData',
  importNotes: 'twoHats.importNotes',
  addGoal: 'twoHats.addGoal',
  markGoalReached: 'twoHats.markGoalReached',
  addDelegationItem: 'twoHats.addDelegationItem',
  delegateThis: 'twoHats.delegateThis',
  assignDelegation: 'twoHats.assignDelegation',
  changeDelegationLevel: 'twoHats.changeDelegationLevel',
  setDelegationStatus: 'twoHats.setDelegationStatus',
  recordRelapse: 'twoHats.recordRelapse',
  noteDelegationStep: 'twoHats.noteDelegationStep',
  deleteDelegationItem: 'twoHats.deleteDelegationItem',
  undoDeleteDelegationItem: 'twoHats.undoDeleteDelegationItem',
  findBottlenecks: 'twoHats.findBottlenecks',
  weeklySelfCheck: 'twoHats.weeklySelfCheck',
  startPresenting: 'twoHats.startPresenting',
  stopPresenting: 'twoHats.stopPresenting',
  deletePerson: 'twoHats.deletePerson',
  exportForNextManager: 'twoHats.exportForNextManager',
  prepareOneOnOne: 'twoHats.prepareOneOnOne',
  startOneOnOneFromBrief: 'twoHats.startOneOnOneFromBrief',
  exportSchedule: 'twoHats.exportSchedule',
  importMarkdownFolder: 'twoHats.importMarkdownFolder',
  encryptNotes: 'twoHats.encryptNotes',
  lockNow: 'twoHats.lockNow',
  unlockNotes: 'twoHats.unlockNotes',
  changePassphrase: 'twoHats.changePassphrase',
  decryptNotes: 'twoHats.decryptNotes',
} as const;

export const SETTINGS = {
  section: 'twoHats',
  useGlobalStorageWhenNoFolder: 'storage.useGlobalStorageWhenNoFolder',
  weeklySelfCheck: 'delegation.weeklySelfCheck',
  templatesFolder: 'templates.folder',
  gitHints: 'delegation.gitHistoryHints',
  dueTodayReminders: 'reminders.dueToday',
} as const;

/** A setting's key inside the `twoHats` section; a unit test checks them against package.json. */
export type SettingKey = Exclude<(typeof SETTINGS)[keyof typeof SETTINGS], typeof SETTINGS.section>;

/** The encryption state for `when` clauses in package.json: `off`, `unlocked` or `locked`; unset until Two Hats has started. */
export const ENCRYPTION_CONTEXT = 'twoHats.encryption';
