"""Which files the register accepts, and the text read out of them for search."""
import io
import re
import zipfile
from dataclasses import dataclass

MAX_SIZE = 20 * 1024 * 1024

# extension → (content type, how the file must begin)
ALLOWED = {
    "pdf": ("application/pdf", b"%PDF-"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK\x03\x04"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK\x03\x04"),
    "odt": ("application/vnd.oasis.opendocument.text", b"PK\x03\x04"),
    "txt": ("text/plain; charset=utf-8", b""),
}
NAMES = {"pdf": "PDF", "docx": "Word-dokument", "xlsx": "Excel-fil", "odt": "OpenDocument-text", "txt": "textfil"}


@dataclass(frozen=True)
class Upload:
    filename: str
    extension: str
    content_type: str
    data: bytes
    text: str


def _size(n):
    return f"{n / (1024 * 1024):.1f}".replace(".", ",") + " MB"


def _extension(filename):
    return filename.rsplit(".", 1)[-1].lower() if "." in filename else ""


def clean_filename(filename):
    """Keep the user's name for the download, but never a path or a character that breaks a header."""
    name = re.split(r"[\\/]", filename or "")[-1]
    name = re.sub(r'[\x00-\x1f"]', "", name).strip() or "handling"
    return name[:255]


def read(filename, data, max_size=MAX_SIZE):
    """The upload, checked and with its text; ValueError with a Swedish message when it is refused."""
    filename = clean_filename(filename)
    extension = _extension(filename)
    if extension not in ALLOWED:
        allowed = ", ".join(f".{e}" for e in ALLOWED)
        raise ValueError(f"Filtypen {('.' + extension) if extension else 'utan filändelse'} tas inte emot. Tillåtna typer är {allowed}.")
    if not data:
        raise ValueError(f"Filen {filename} är tom.")
    if len(data) > max_size:
        raise ValueError(f"Filen {filename} är {_size(len(data))}. Största tillåtna storlek är {_size(max_size)}.")
    content_type, magic = ALLOWED[extension]
    if not data.startswith(magic):
        raise ValueError(f"Filen {filename} är inte en giltig {NAMES[extension]} trots filändelsen .{extension}.")
    try:
        text = EXTRACTORS[extension](data)
    except Exception:  # any library's parse error means the same thing to the user
        raise ValueError(f"Filen {filename} gick inte att läsa som {NAMES[extension]}. Kontrollera att den inte är skadad.")
    return Upload(filename, extension, content_type, data, _tidy(text))


def _tidy(text):
    text = text.replace("\x00", "")
    text = re.sub(r"[ \t]+", " ", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _pdf(data):
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def _docx(data):
    import docx

    document = docx.Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def _xlsx(data):
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    lines = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            cells = [str(v) for v in row if v is not None]
            if cells:
                lines.append(" ".join(cells))
    book.close()
    return "\n".join(lines)


def _odt(data):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("content.xml").decode("utf-8")
    xml = re.sub(r"</text:(p|h)>", "\n", xml)
    return re.sub(r"<[^>]+>", "", xml).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")


def _txt(data):
    if b"\x00" in data:
        raise ValueError("binary")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252")


EXTRACTORS = {"pdf": _pdf, "docx": _docx, "xlsx": _xlsx, "odt": _odt, "txt": _txt}
