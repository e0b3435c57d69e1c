/**
 * Preloaded (`node --require`) into every service a test starts (startProcess): the test runner holds the write end
 * of the process's stdin, so when the runner dies — killed, crashed, or ended without stopping its world — stdin ends
 * and the service shuts down as on SIGTERM. Without this a killed test run leaves its services consuming the shared
 * topics, and the next run sees their events (a second ViolationRecorded for its own case, from an orphan's database).
 */
const stopWithParent = (): void => {
  process.kill(process.pid, 'SIGTERM');
};
process.stdin.on('end', stopWithParent);
process.stdin.on('error', stopWithParent);
process.stdin.resume();
