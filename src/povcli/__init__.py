"""povcli: look up and fact-check the statistics in Chinese official reports."""

__version__ = "0.1.0"
