import 'server-only';
export * from './schemas';
export { listMenus, activeMenus, getMenu, createMenu, replaceMenu, patchMenu, deleteMenu, type Menu } from './menus';
export { isMenuAvailable, menusInOrderAt, type MenuAvailability } from './availability';
export { listTables, createTable, updateTable, deleteTable, setTableOccupancy, lockTable, saveFloorPlan, createStarterFloor, floorCounts, STARTER_FLOOR, type DiningTable } from './tables';
export { listSoldOut, soldOutAmong, setSoldOut, type SoldOutItem } from './sold-out';
export {
  stationsOf,
  listStations,
  createStation,
  updateStation,
  deleteStation,
  listRoutes,
  setCategoryRoutes,
  setProductRoute,
  DEFAULT_STATION_NAME,
  type KitchenStation,
  type KitchenRoute,
} from './stations';
// Importing the tickets registers their outbox handlers (OrderPlaced fires tickets, OrderVoided marks them).
export {
  forgetTicketNames,
  openTickets,
  openTicketCounts,
  lastBumpedTicket,
  bumpTicket,
  recallLastTicket,
  type KitchenTicket,
  type KitchenTicketLine,
} from './tickets';
