import createClient from 'openapi-fetch';
import type { paths } from '../../generated/api';

/** The API from the browser, typed by the OpenAPI document it was built against: same origin, so no CORS. */
export const api = createClient<paths>({ baseUrl: '' });
