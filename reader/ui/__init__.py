"""The terminal app: a Textual front end over `reader.store`, `reader.state` and `reader.analysis`."""
