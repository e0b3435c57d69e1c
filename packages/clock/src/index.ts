export { clockFromConfig, FileClock, systemClock, type Clock } from './file-clock';
