import '@dkfds/css/dkfds.css';
import './sagsgang.css';
import { forbedrSoegning } from './live-soegning';

// Every page works without this script; with it, the search shows hits while one types.
forbedrSoegning(document);
