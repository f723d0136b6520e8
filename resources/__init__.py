"""Bundled data: the sample text, word lists, card templates and translations."""
