export { EventEnvelope } from './gen/govhall/events/v1/envelope';
