"""Reading articles: cleaning scraped pages, finding figures, the relations an article
states, borrowing from the library, judging, and drafting a catalog."""
