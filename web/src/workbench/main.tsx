import { startApp } from '../shared/bootstrap';
import { WorkbenchApp } from './WorkbenchApp';

startApp('workbench', () => <WorkbenchApp />);
