"""Renderers: results and graphs to text. Each returns a string and never prints."""
