// Renderer unit tests run in jsdom; IndexedDB comes from fake-indexeddb so Dexie works.
import 'fake-indexeddb/auto';
