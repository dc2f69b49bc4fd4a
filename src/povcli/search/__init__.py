"""Search rules: what a query's terms are, how fields weigh, what matches, and how text is
normalised (script, width, pinyin) for the index and the query alike."""
