"""The SQLite index behind every lookup: the cache folder, the build, the store, search,
and the library of several catalogs."""
