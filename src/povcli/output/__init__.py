"""Writing results: the machine formats (JSON, CSV, YAML, ClaimReview), Rich tables for
people, and terminal charts."""
