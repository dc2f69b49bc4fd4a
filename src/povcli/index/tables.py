"""The index file's layout: its format number, its tables and the codes stored in them.
The build writes them (`povcli.index.build`), the store reads them (`povcli.index.store`)."""

from __future__ import annotations

# 2: the vocabulary (did you mean), pinyin apart at punctuation; 3: Chinese words with their
# readings in it; ids matched from a word's start; 4: the change time stamped
FORMAT = 4
APPLICATION_ID = 0x706F7663  # "povc"
# nums.kind: a number of the fact, a run of digits in its id, in its period
NUMBER, ID_DIGITS, PERIOD_DIGITS = 0, 1, 2

SCHEMA = """
CREATE TABLE catalogs(
    cid INTEGER PRIMARY KEY, path TEXT NOT NULL, size INT, mtime_ns INT, ino INT, dev INT,
    content TEXT NOT NULL, data TEXT NOT NULL, crc INT NOT NULL, ctime_ns INT);
CREATE TABLE facts(
    fid INTEGER PRIMARY KEY, catalog INT NOT NULL, id TEXT NOT NULL, section TEXT NOT NULL,
    unit TEXT NOT NULL, value, pinyin INT NOT NULL, initials INT NOT NULL,
    json TEXT NOT NULL, crc INT NOT NULL);
CREATE TABLE topics(topic TEXT NOT NULL, fact INT NOT NULL, PRIMARY KEY(topic, fact))
    WITHOUT ROWID;
CREATE TABLE vals(vid INTEGER PRIMARY KEY, field INT NOT NULL, text TEXT NOT NULL, marks TEXT,
    crc INT NOT NULL);
CREATE TABLE post(vid INT NOT NULL, fact INT NOT NULL, PRIMARY KEY(vid, fact)) WITHOUT ROWID;
CREATE TABLE nums(key TEXT NOT NULL, kind INT NOT NULL, fact INT NOT NULL,
    PRIMARY KEY(key, kind, fact)) WITHOUT ROWID;
CREATE TABLE grams(gram TEXT NOT NULL, vid INT NOT NULL, PRIMARY KEY(gram, vid)) WITHOUT ROWID;
CREATE TABLE vocab(words TEXT NOT NULL, crc INT NOT NULL);
CREATE VIRTUAL TABLE vals_tri USING fts5(
    text, content='vals', content_rowid='vid', tokenize='trigram case_sensitive 1');
CREATE VIRTUAL TABLE ids_tri USING fts5(
    id, content='facts', content_rowid='fid', tokenize='trigram case_sensitive 1');
"""
# the rows of a build started again (a catalog loaded whole after all)
EMPTIED = "".join(
    f"DELETE FROM {table};" for table in ("facts", "topics", "vals", "post", "nums", "grams")
)
# the indexes of the tables, made once every row is in
INDEXES = """
CREATE UNIQUE INDEX facts_id ON facts(catalog, id);
CREATE INDEX facts_section ON facts(catalog, section);
CREATE INDEX facts_unit ON facts(catalog, unit);
INSERT INTO vals_tri(vals_tri) VALUES('rebuild');
INSERT INTO ids_tri(ids_tri) VALUES('rebuild');
"""
