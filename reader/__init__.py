"""newsreader: a terminal reader for local news archives that shows who said what."""

__version__ = "0.1.0"
