import 'server-only';
export * from './schemas';
export { listMenus, getMenu, createMenu, replaceMenu, patchMenu, deleteMenu, type Menu } from './menus';
export { isMenuAvailable, menusInOrderAt, type MenuAvailability } from './availability';
export { listTables, createTable, updateTable, deleteTable, setTableOccupancy, type DiningTable } from './tables';
export { listSoldOut, soldOutAmong, setSoldOut, type SoldOutItem } from './sold-out';
