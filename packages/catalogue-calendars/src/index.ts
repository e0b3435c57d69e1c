export { CatalogueCalendars, type Calendars, type Clock } from './catalogue-calendars';
