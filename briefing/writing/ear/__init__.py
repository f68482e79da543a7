"""Editing for the ear: newspaper sentences made into sentences a listener follows at once.

A briefing is heard once, at the speed of speech. Newspaper sentences are written for the
eye: long, with the speaker named after a long quotation and asides in brackets. Radio
writes short sentences, one idea each, with the speaker first. This stage sits between
choosing the sentences (`summarize.py`) and writing the script (`script.py`): each chosen
sentence passes through `EAR_RULES`, small named rules, each one transformation that keeps
the facts:

- `drop_asides`: bracketed conversions and asides ("(£600m)", "(pictured)", "(R-Texas)")
  are dropped; an aside that is a sentence of its own is said after the sentence; a share
  ("(48%)") or "(now T-Mobile)" stays.
- `speaker_first`: `"Long quotation," said the minister.` becomes `The minister said:
  "Long quotation."` (and `..., according to X.` becomes `According to X, ...`).
- the splits (`SPLIT_RULES`): a long sentence is split where its grammar allows: sentences run
  together or a lost full stop (also a caption ending on a name, before "The"/"A"); a lost full stop
  before a common word that opens a sentence ("...backed Dyke's call Only 81 of ...", "...leg Away from
  X, Bayern ..."); a full stop before a word in lower case, where text was lost ("...her routine. on
  Monday to ..."), said as two sentences; a caption run into a quotation named after it ("...Japan
  'An aerial survey ...', a researcher told ..."), the quotation said speaker first; football results
  run into a sentence ("...the international break Leicester 5-3 Manchester United ..."); a quotation of
  several sentences; two clauses joined by a
  semicolon, a colon, a bare comma, ", and", ", but", ", while" or a bare "and" (also before "that
  will ..." or "if ... then ...": "...last year and that will be a reminder ..."); a clause
  between dashes; a ", which ..." or ", who ..." clause (", both of which need ..." -> "They both
  need ..."); a person's role between commas; a
  second clause sharing the first one's subject (said again); a closing ", after ..." or
  ", because ..." tail (said as "This was after ..."); a closing participle (", raising
  hopes" -> "This is raising hopes"; ", saying ..." -> "Rajoy said ..."); a closing apposition
  (", the Jets owner" -> "Woody Johnson is the Jets owner"; ", a move that ..." -> "This is a
  move that ...").
- the connectives (`connectives.py`, in `SPLIT_RULES`), a joined clause said on its own:
  - `split_after_clauses`: "... on Thursday after Opec cut output" -> "This was after Opec cut output."
  - `split_before_clauses`: "... in the ninth minute before Joe Allen scored" -> "Then Joe Allen scored."
  - `split_closing_of_which`: "..., one of which will close" -> "One will close." (", both of which
    need ..." is `split_quantified_relatives`' "They both need ...")
  - `split_shared_but`: "Growth would reach 4%, but fall to 3%" -> "But it would fall to 3%."
  - `split_closing_where`: "... in Brussels, where they will meet" -> "There, they will meet."

What stays: every word of an edited sentence comes from its source sentence, except the
editor's own closed list of function words (`EAR_WORDS`); no rule adds a fact, and no verb
changes its form (a split-off participle is said as it was, after "is" or "was"). A sentence no
rule applies to is left exactly as it was. Only English is edited; other languages pass
through unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .grammar import EAR_WORDS, EVENT_PARTICIPLES, SUBJECT_PARTICIPLES, LONG_QUOTE_WORDS, MIN_PIECE_WORDS, SPLIT_FROM
from .asides import drop_asides
from .speakers import speaker_first, split_appositions
from .clauses import (
    split_bare_and, split_colons, split_comma_splices, split_conjunctions, split_dashes, split_inner_relative_clauses,
    split_concessions, split_quoted_sentences, split_relative_clauses, split_semicolons, split_shared_subjects,
    split_while,
)
from .run_ons import (
    split_and_clauses, split_caption_openers, split_captions_after_names, split_joined_sentences, split_lost_full_stops,
    split_captions_before_quotations, split_lost_text, split_quantified_relatives, split_score_lines,
)
from .tails import split_adverbial_tails, split_comparisons, split_fronted_participles, split_participle_tails
from .appositions import split_closing_appositions, split_subject_appositions
from .quotations import split_inside_quotations
from .connectives import (
    CONNECTIVE_RULES, split_after_clauses, split_before_clauses, split_closing_of_which, split_closing_where,
    split_shared_but,
)

EarRule = Callable[[str], list[str]]

# Rules that edit a sentence in place, then rules that split; each applies again to the pieces.
EDIT_RULES: tuple[EarRule, ...] = (drop_asides, speaker_first)
SPLIT_RULES: tuple[EarRule, ...] = (split_joined_sentences, split_quoted_sentences, split_lost_full_stops,
                                    split_captions_after_names, split_caption_openers, split_lost_text,
                                    split_captions_before_quotations, split_quantified_relatives, split_score_lines,
                                    split_semicolons, split_dashes, split_conjunctions,
                                    split_while, split_concessions, split_relative_clauses, split_inner_relative_clauses, split_adverbial_tails,
                                    split_participle_tails, split_fronted_participles, split_comparisons,
                                    split_closing_appositions,
                                    *CONNECTIVE_RULES,
                                    split_appositions, split_subject_appositions, split_comma_splices, split_colons, split_shared_subjects,
                                    split_bare_and, split_and_clauses, split_inside_quotations)
EAR_RULES: tuple[EarRule, ...] = EDIT_RULES + SPLIT_RULES


def edit_sentence(sentence: str) -> list[str]:
    """One sentence through every rule: edited, then split until no rule splits a piece."""
    pieces = [sentence]
    for rule in EDIT_RULES:
        pieces = [out for piece in pieces for out in rule(piece)]
    done: list[str] = []
    pending = list(reversed(pieces))
    while pending:
        piece = pending.pop()
        for rule in SPLIT_RULES:
            split = rule(piece)
            if len(split) > 1:
                pending.extend(reversed(split))
                break
        else:
            done.append(piece)
    return done


def for_the_ear(sentences: Sequence[str], language: str = "en") -> list[str]:
    """The sentences edited for the ear (English only; other languages as they are)."""
    if language.split("-")[0].lower() != "en":
        return list(sentences)
    return [piece for sentence in sentences for piece in edit_sentence(sentence)]


def edited_digest(digest):
    """A Digest whose sentences are edited for the ear."""
    from dataclasses import replace

    language = digest.article.language
    return replace(digest, sections=tuple(replace(s, sentences=tuple(for_the_ear(s.sentences, language)))
                                          for s in digest.sections))
