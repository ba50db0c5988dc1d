"""Placeholder"""
def with_sourcing(body, mentions, quotes):
    return quotes
