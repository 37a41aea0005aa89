export type { Dokumentart } from './dokument-side';
export type { Assets } from './layout';
export { sider } from './sider';
