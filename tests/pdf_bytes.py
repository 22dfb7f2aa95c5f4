"""Hand-made PDF files for the tests: the numbered objects, cross-reference table and trailer every PDF shares."""


def serialise_pdf(objects, header: bytes) -> bytes:
    """Numbered objects, the cross-reference table and the trailer: the skeleton every PDF file shares."""
    out = bytearray(header)
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
