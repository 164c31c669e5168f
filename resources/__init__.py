"""Data shipped with Redactor, installed as the package `redactor.resources` (see pyproject.toml):
recognizers/ (patterns and word lists), sample/ (the sample letter), translations/ (.ts/.qm).
Code finds these files through redactor.core.bundled.resources_root(), not through this module."""
