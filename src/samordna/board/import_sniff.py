"""Does an uploaded protocol file look like what its extension claims? (issue 9 item 6: uploads checked by content.)

Refusing a renamed file at upload keeps it out of the database and tells the user at once, instead of a failed parse later.
"""

_NAMES = {".pdf": "en PDF", ".docx": "ett Word-dokument (.docx)", ".txt": "en textfil", ".md": "en textfil",
          ".markdown": "en textfil"}


def mismatch(name: str, suffix: str, data: bytes) -> str | None:
    """A Swedish message when the bytes do not match the extension, else None."""
    if suffix == ".pdf":
        ok = b"%PDF-" in data[:1024]  # the PDF header may follow a little junk, as readers allow
    elif suffix == ".docx":
        ok = data.startswith(b"PK\x03\x04")  # a .docx is a zip archive
    elif suffix in (".txt", ".md", ".markdown"):
        ok = data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" not in data[:65536]
    else:
        return None
    return None if ok else f"{name}: filen är inte {_NAMES[suffix]} trots filändelsen {suffix}."
