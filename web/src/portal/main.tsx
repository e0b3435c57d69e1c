import { startApp } from '../shared/bootstrap';
import { PortalApp } from './PortalApp';

startApp('portal', (config) => <PortalApp config={config} />);
