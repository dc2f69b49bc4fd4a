"""The SQLite index behind every lookup, one job a module: `cache` (where indexes live, when
one is stale), `tables` (the file's layout), `build` (a catalog into its index) with
`pipeline` (parsing), `prepare` (a fact made ready) and `rows` (its rows inserted); `store`
(an open index) with `reads` (its checked SQL reads) and `tagged` (its JSON codec); `find`
(search) with `occurrences` (where a term is), `ranking` (the ranked SQL) and `nomatch`
(why nothing matched); `indexed` (a catalog read through its index), `library` (several
catalogs) and `series`."""
