"""How articles are worded and marked, shared by the terminal app and the command line.

Textual-free: sidebar rows and date labels (`rows`), highlight spans (`spans`),
citations (`citation`), where `]` and `[` step (`navigation`), search matches in
a body (`matches`), each speaker's share of the quoted words (`shares`).
"""
