// The extension-host suite, bundled as one file so both runners load the same thing.
import './activation.test';
import './store.test';
import './oneOnOnes.test';
import './delegation.test';
import './noteFiles.test';
import './templates.test';
import './exportImport.test';
import './briefAndImport.test';
import './messages.test';
import './sidebarDraft.test';
import './leftovers.test';
import './backups.test';
import './erasePerson.test';
import './newerFiles.test';
import './fileLimits.test';
import './transientRead.test';
import './privacy.test';
