"""The archive: one store's articles, analyses, searches and changes, for the app and the command line.

`reader.archive.service.Archive` is the one object to ask (see its docstring);
`search` parses the grammar once for the index, the plain scan and the marks in
a body; `follow` keeps up with the store on disk; `cache` remembers what was
read last. Textual-free.
"""
