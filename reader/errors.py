"""Errors that reach the user as one clear line, never as a traceback."""


class UserError(Exception):
    """Something the user can fix: a missing store, an unknown id, a bad flag."""
