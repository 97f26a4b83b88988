export { TabBar } from './tab-bar'
