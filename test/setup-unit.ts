// Unit tests run in plain Node; renderer db tests get an in-memory IndexedDB.
import 'fake-indexeddb/auto';
