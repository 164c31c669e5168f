"""Redactor: find and hide names and identifying details in letters, export verified safe copies."""

__version__ = "0.1.0"
