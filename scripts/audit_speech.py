#!/usr/bin/env python3
"""What a listener hears on real news: every sentence of the development sets through the speech rules,
and how often each kind of fault the speech audit found (and fixed) is still heard.

    .venv/bin/python scripts/audit_speech.py                  # the fault counts
    .venv/bin/python scripts/audit_speech.py --examples 5     # and five sentences of each kind
    .venv/bin/python scripts/audit_speech.py --dump FILE      # every sentence, written and spoken, as JSON lines
    PYTHONPATH=OLD_TREE .venv/bin/python scripts/audit_speech.py   # the same with another tree's speech rules

The sentences: every article of ../shared/eval bbc_dev, cnndm_dev and newsroom_dev (detokenized as
`eval_summaries.py` does) and the article text of the English pages in ../shared/eval/readability, each
split as the script splits it and made speakable as the voice is given it. A fault is counted once per
sentence that shows it: the written shape (a pattern in the sentence) and what is heard (a pattern in
the spoken line) together.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(ROOT / "scripts"))

NUMBER_WORD = (r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|"
               r"forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)")
CURRENCY_WORD = r"(?:dollars?|pounds?|euros?|cents?|pence|yen|rupees?)"
FUNCTION = set("The A An In On At Of For By To From And But Or As Since Until About Some Around Only Over Under "
               "Between With Than Its Their His Her Our This That These Those January February March April May June "
               "July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec "
               "Mr Mrs Ms Dr No Number Page Chapter Room Route Highway Flight Year Years Euro Windows Office".split())


def _money_hyphen(written: str, spoken: str) -> bool:
    """"$1.2bn-worth", "$119-a-year", "$779m-798m", "$10-25m": an amount with a hyphen after it."""
    shape = re.search(r"[$£€]\s?\d[\d.,]*\s?(?:bn|m|k)?-(?=\d|[a-z])", written)
    if not shape:
        return False
    if re.search(r"[$£€]|\b(?:m|bn|k)-|" + CURRENCY_WORD + r" (?:m|bn|k)\b", spoken):
        return True
    if re.search(r"[$£€][\d.,]+(?:bn|m|k)?-\d", written):  # a range: the currency must come at its end
        upper = rf"(?:{NUMBER_WORD}|point|and|million|billion|trillion|[ -])+"
        return bool(re.search(CURRENCY_WORD + rf"(?: and [a-z -]+ cents)? to {upper}\b(?! ?{CURRENCY_WORD})", spoken))
    return False


def _pence(written: str, spoken: str) -> bool:
    """"293.5p", "1130p": pence said as a letter or read as a time."""
    for m in re.finditer(r"(?<![\w.,])\d[\d,]*(?:\.\d+)?p\b", written):
        if m.group(0)[:-1].replace(",", "") not in ("144", "240", "360", "480", "576", "720", "1080", "1440", "2160", "4320"):
            return bool(re.search(NUMBER_WORD + r" [pP]\b(?! ?m\b)", spoken))
    return False


def _model_number(written: str, spoken: str) -> bool:
    """"Nokia 6600", "GTX 1080", "Athlon 3500": a model number after a name, said as a quantity."""
    from briefing.writing.normalize import numbers

    for m in re.finditer(r"(?<![\w.])([A-Z][A-Za-z]*|[a-z]\d)\s(\d{4})(?![\w,.]\d|[\w-])", written):
        name, number = m.groups()
        if name in FUNCTION or numbers.cardinal(number) == numbers.year(number):
            continue  # a year, or a number said the same either way
        said = numbers.cardinal(number)
        if re.search(rf"\b{said}\b(?![ -](?:and|hundred|thousand|[a-z]+ty|one|two|three|four|five|six|seven|eight|nine))",
                     spoken) and numbers.year(number) not in spoken:
            return True
    return False


_LEXICON = None


def _known(word: str) -> bool:
    global _LEXICON
    if _LEXICON is None:
        try:
            from hibari.g2p import G2P

            g2p = G2P(british=False)
            _LEXICON = (g2p.lexicon.golds, g2p.lexicon.silvers)
        except Exception:  # no hibari: every word counts as known, the detector finds nothing
            _LEXICON = ()
    return not _LEXICON or any(form in table for table in _LEXICON for form in (word, word.lower(), word.upper()))


def _caps_as_word(written: str, spoken: str) -> bool:
    """"RFID", "MPAA", "QGIS": a lone word in capitals read as a word the voice does not know (it guesses)."""
    for m in re.finditer(r"(?<![\w.&'-])([A-Z]{4,})(?:'?s)?(?![\w.&-])", written):
        word = m.group(1)
        around = written[max(0, m.start() - 12):m.end() + 12]
        if len(re.findall(r"\b[A-Z]{2,}\b", around)) > 1:
            continue  # a run of capitals (a heading, a shout) is read as words on purpose
        if re.search(rf"\b{word.capitalize()}\b", spoken) and not _known(word):
            return True
    return False


def _units_spelled(written: str, spoken: str) -> bool:
    """"512kbps", "IPv6": a unit or a name with a lower-case letter spelled wrongly."""
    return bool(re.search(r"\d\s?[kKmMgG]bps\b", written) and re.search(r"\bB P S\b", spoken)
                or re.search(r"\bIPv\d", written) and re.search(r"\bIPv\b", spoken))


def _vulgar_fraction(written: str, spoken: str) -> bool:
    """"4½": a fraction character glued to a number, passed to the voice as a symbol."""
    return bool(re.search(r"[½¼¾⅓⅔⅛]", spoken))


def _party_label(written: str, spoken: str) -> bool:
    """"Rep. Mike Pompeo (R-Kan.)": a US party and state label, said as letters."""
    return bool(re.search(r"\([RDI]-[A-Z]", written) and re.search(r"\b[RDI]-[A-Z]|\(R |\(D ", spoken))


def _score_as_range(written: str, spoken: str) -> bool:
    """"won 7-6, 2-6, 7-5", "West Ham 1-1 Chelsea", "make it 2-0": a score heard as a range ("two to six")."""
    from briefing.writing.normalize import numbers

    def said_as_range(left: str, right: str) -> bool:
        return f"{numbers.cardinal(left)} to {numbers.cardinal(right)}" in spoken

    pairs = list(re.finditer(r"(?<![\w.,-])(\d{1,2})-(\d{1,2})(?![\w-]|[.,]\d)", written))
    if len(pairs) >= 2 and any(re.fullmatch(r",\s*", written[a.end():b.start()]) for a, b in zip(pairs, pairs[1:])) \
            and re.search(r"\b(?:win|won|beat|victory|lost|sets?)\b", written):
        return any(said_as_range(*m.groups()) for m in pairs)  # the sets of a match
    for m in pairs:
        named = re.search(r"\b[A-Z][a-z]+\s$", written[:m.start()]) and re.match(r"\s[A-Z][a-z]", written[m.end():])
        made_it = re.search(r"\bmake it\s$|\bmade it\s$", written[:m.start()])
        if (named or made_it) and said_as_range(*m.groups()):
            return True
    return False


def _year_before_unit(written: str, spoken: str) -> bool:
    """"1218 pence", "1650 points": a quantity read as a year ("twelve eighteen pence")."""
    from briefing.writing.normalize import numbers

    return any(f"{numbers.year(m.group(1))} {m.group(2)}" in spoken
               for m in re.finditer(r"\b(1[1-9]\d\d|20\d\d) (pence|points)\b", written))


def _dot_com(written: str, spoken: str) -> bool:
    """"dot.com survivors": the word read as an address ("dot dot com")."""
    return "dot dot com" in spoken and "dot.com" in written.lower()


_ENDINGS = r"(?:com|org|net|uk|fr|biz|info|post|travel|museum|aero|mobi|jobs|png|jpg|pdf|mp3)"


def _domain_ending(written: str, spoken: str) -> bool:
    """"the . com suffix", ".png files": an ending heard as a full stop ("the. com suffix", "through.png")."""
    return bool(re.search(rf"(?:^|[\s(])\. ?{_ENDINGS}\b", written)
                and re.search(rf"(?:\w|,)\. ?{_ENDINGS}\b", spoken))


def _metres_as_millions(written: str, spoken: str) -> bool:
    """"508m tall", "1.3m (4.2ft)": a length read as millions ("five hundred and eight million tall")."""
    return bool(re.search(r"\dm(?:[\s-](?:tall|high|long|wide|deep)\b(?!-)|\s*\(\s*[\d.]+\s?(?:ft|feet))", written)
                and re.search(r"million(?:[\s-](?:tall|high|long|wide|deep)\b| \()", spoken))


def _between_to(written: str, spoken: str) -> bool:
    """"between 10-15%": heard "between ten to fifteen percent"."""
    return bool(re.search(r"\bbetween [$£€]?\d[\d.,]*\S*?\s?[-–]\s?[$£€]?\d", written)
                and re.search(rf"\bbetween (?:{NUMBER_WORD}|point|[a-z ]*?(?:million|dollars|pounds)|[ -])+ to\b", spoken))


def _symbol_on_word(written: str, spoken: str) -> bool:
    """"Sky+", "15+ hours", "his/her", "$3m/year", "3:1": a symbol the voice skips or spells, left in the line."""
    return bool(re.search(r"\w\+|\+\w|[A-Za-z]/[A-Za-z]|\b\d+:\d\b", written)
                and re.search(r"\w\+|\+\w|[A-Za-z]/[A-Za-z]|\b[a-z]+:[a-z]+\b", spoken))


DETECTORS: dict[str, Callable[[str, str], bool]] = {
    "money with a hyphen after it ('$1.2bn-worth', '$779m-798m')": _money_hyphen,
    "pence as a letter or a time ('293.5p', '1130p')": _pence,
    "model number said as a quantity ('Nokia 6600')": _model_number,
    "capitals read as a word the voice does not know ('RFID')": _caps_as_word,
    "unit or name spelled wrongly ('512kbps', 'IPv6')": _units_spelled,
    "fraction symbol left ('4½')": _vulgar_fraction,
    "party-state label as letters ('(R-Kan.)')": _party_label,
    "score heard as a range ('won 7-6, 2-6, 7-5')": _score_as_range,
    "quantity read as a year ('1218 pence')": _year_before_unit,
    "'dot.com' read as an address": _dot_com,
    "a domain's or file's ending heard as a full stop ('the . com suffix')": _domain_ending,
    "metres read as millions ('508m tall')": _metres_as_millions,
    "'between' a range said with 'to' ('between 10-15%')": _between_to,
    "a symbol on a word left to the voice ('Sky+', 'his/her', '3:1')": _symbol_on_word,
}


def texts() -> Iterator[tuple[str, str]]:
    """(source, text) for every article and page."""
    from eval_summaries import detokenize

    for name in ("bbc_dev", "cnndm_dev"):
        for line in (EVAL / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            yield name, json.loads(line)["article"]
    for line in (EVAL / "newsroom_dev.jsonl").read_text(encoding="utf-8").splitlines():
        yield "newsroom_dev", detokenize(json.loads(line)["article"])
    from briefing.ingest import read_articles

    for page in sorted((EVAL / "readability").glob("*/source.html")):
        for article in read_articles(str(page)):
            if article.language.split("-")[0] == "en":
                yield f"readability/{page.parent.name}", "\n".join(
                    p for section in article.sections for p in section.paragraphs)


def sentences() -> Iterator[tuple[str, str, str]]:
    """(source, written, spoken) for every sentence, split and made speakable as the script does."""
    from briefing.writing.sentences import spoken_sentences
    from briefing.writing.speech import speakable

    for source, text in texts():
        for line in text.split("\n"):
            if line.strip():
                for sentence in spoken_sentences(line, "en"):
                    yield source, sentence, speakable(sentence, language="en")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=0, help="print this many sentences of each fault")
    parser.add_argument("--dump", type=Path, help="write every sentence, written and spoken, as JSON lines")
    args = parser.parse_args()
    if not EVAL.is_dir():
        print(f"audit_speech: {EVAL} is absent (the shared evaluation material)", file=sys.stderr)
        return 2
    found: dict[str, list[tuple[str, str]]] = {name: [] for name in DETECTORS}
    total = 0
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    for source, written, spoken in sentences():
        total += 1
        if dump:
            dump.write(json.dumps({"source": source, "written": written, "spoken": spoken}, ensure_ascii=False) + "\n")
        for name, detector in DETECTORS.items():
            if detector(written, spoken):
                found[name].append((written, spoken))
    if dump:
        dump.close()
    print(f"{total} sentences")
    random.seed(0)
    for name, hits in found.items():
        print(f"{len(hits):5d}  {name}")
        for written, spoken in random.sample(hits, min(args.examples, len(hits))):
            print(f"         {written[:200]}\n      -> {spoken[:200]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
