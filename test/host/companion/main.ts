/**
 * A test-only extension installed beside Two Hats in code-server, where extensionTestsPath cannot
 * be passed: once the workbench has started it loads the module named in the environment (the
 * extension-host suite's runner, or the fault lane's writer) and runs it.
 */
export function activate(): void {
  const entry = process.env['TWO_HATS_HOST_TESTS_ENTRY'] ?? process.env['TWO_HATS_FAULT_ENTRY'];
  if (!entry) {
    return;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const runner = require(entry) as { run(): Promise<void> };
  runner.run().catch(() => {
    // The runner records its own outcome; nothing more to do here.
  });
}
