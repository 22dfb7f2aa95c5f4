"""The SIE 4 reader: a sample of our own, CP437 text, and every error with its line number."""
from datetime import date
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samordna.rules.sie import SieError, decode, parse

SAMPLE = """#FLAGGA 0
#FORMAT PC8
#SIETYP 4
#PROGRAM "Bokföringsprogram" 2.1
#RAR 0 20240101 20241231
#KONTO 1930 "Företagskonto"
#KONTO 3010 "Medlemsavgifter"
#KONTO 6540 "IT-tjänster"
#VER A 1 20240115 "Avgift \\"januari\\"" 20240116
{
#TRANS 1930 {} 1250.50
#TRANS 3010 {} -1250.50
}
#VER B 7 20240302 "IT"
{
#TRANS 6540 {"1" "100"} 300 20240301 "Licens"
#RTRANS 6540 {} 100
#TRANS 6540 {} 100
#BTRANS 6540 {} 50
#TRANS 1930 {} -400
}
""".encode("cp437")


def test_reads_accounts_vouchers_and_transactions():
    parsed = parse(SAMPLE)
    assert parsed.program == "Bokföringsprogram 2.1"
    assert parsed.accounts["1930"] == "Företagskonto" and parsed.accounts["6540"] == "IT-tjänster"
    first, second = parsed.vouchers
    assert (first.series, first.number, first.date, first.text) == ("A", "1", date(2024, 1, 15), 'Avgift "januari"')
    assert [(t.account, t.amount) for t in first.transactions] == [("1930", D("1250.50")), ("3010", D("-1250.50"))]
    # the object list is skipped, the transaction date wins over the voucher's, #RTRANS/#BTRANS are ignored
    assert [(t.account, t.amount, t.date) for t in second.transactions] == [
        ("6540", D(300), date(2024, 3, 1)), ("6540", D(100), date(2024, 3, 2)), ("1930", D(-400), date(2024, 3, 2))]
    assert second.transactions[0].text == "Licens" and second.transactions[0].line == 16


def test_utf8_and_latin1_files_are_refused_as_wrong_encoding():
    text = SAMPLE.decode("cp437")
    for encoding, name in (("utf-8", "UTF-8"), ("latin-1", "Latin-1")):
        with pytest.raises(SieError) as error:
            parse(text.encode(encoding))
        assert name in str(error.value) and "CP437" in str(error.value)
    with pytest.raises(SieError):
        decode(b"\xef\xbb\xbf#FLAGGA 0\n")


def test_every_error_has_its_line():
    bad = """#FLAGGA 0
#FORMAT UTF8
#VER A 1 20241301 "Fel datum"
{
#TRANS 3010 {} 12,50
}
#TRANS 1930 {} 5
#VER A 2 20240102 "Obalans"
{
#TRANS 1930 {} 100
#TRANS 3010 {} -90
}
#VER A 3 20240103
{
#TRANS 1930 {} 1
""".encode("cp437")
    with pytest.raises(SieError) as error:
        parse(bad)
    lines = dict(error.value.errors)
    assert "PC8" in lines[2]
    assert "ogiltigt datum ”20241301”" in lines[3]
    assert "ogiltigt belopp ”12,50”" in lines[5]
    assert "#TRANS utanför en verifikation" in lines[7]
    assert "balanserar inte (summa 10)" in lines[8]
    assert "avslutas aldrig" in lines[13]
    assert str(error.value).startswith("Rad 2: ")


def test_a_file_without_flag_is_no_sie_file():
    with pytest.raises(SieError) as error:
        parse(b"datum;konto;belopp\n")
    assert error.value.errors[0][0] == 0 and "#FLAGGA" in error.value.errors[0][1]


@given(st.lists(st.integers(min_value=-10**9, max_value=10**9), min_size=1, max_size=8))
def test_balanced_vouchers_round_trip(amounts):
    rows = [f"#TRANS {4000 + i} {{}} {a / 100:.2f}" for i, a in enumerate(amounts)]
    rows.append(f"#TRANS 1930 {{}} {-sum(amounts) / 100:.2f}")
    text = "#FLAGGA 0\n#VER A 1 20240101\n{\n" + "\n".join(rows) + "\n}\n"
    parsed = parse(text.encode("cp437"))
    assert sum(t.amount for t in parsed.transactions()) == 0
    assert [t.amount for t in parsed.transactions()][:-1] == [D(a) / 100 for a in amounts]
