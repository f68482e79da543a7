"""Transcripts from the Timeline: WebVTT and SRT captions, and the Podcasting 2.0 JSON transcript.

The JSON transcript has a segment per sentence, timed where the sentence is heard in the
rendered audio (the mix measures each take's speech and leaves its silent edges out).
WebVTT and SRT are captions, so a long sentence is split into several cues that fit a
caption card (CAPTION_RULES: the Podcasting 2.0 transcripts spec asks SRT for at most 2
lines of 32 characters, WebVTT for lines of at most 65); each cue gets the share of the
sentence's time its characters take. A cue's end runs on a little into the following
pause (CUE_TAIL) so captions do not flicker off between sentences, but never into the
next cue.

    from briefing.audio.transcripts import srt
    print(srt(episode.timeline))
"""

from __future__ import annotations

import json
from dataclasses import replace, dataclass

from ..models import Cue, Timeline

CUE_TAIL = 0.05  # s a cue stays up after its last word: well under the 0.1 s a listener would notice
TRANSCRIPT_VERSION = "1.0.0"  # Podcasting 2.0 JSON transcript


@dataclass(frozen=True)
class CaptionCard:
    """How much text one caption cue may show."""

    lines: int
    width: int  # characters per line


# SRT: the transcripts spec's "max 2 lines, max 32 characters per line". WebVTT: its 65-character
# line limit, on two lines of at most 42 (the usual caption width) so a cue stays readable in the
# few seconds it is up.
SRT_CARD = CaptionCard(lines=2, width=32)
VTT_CARD = CaptionCard(lines=2, width=42)


def timed_cues(timeline: Timeline) -> list[Cue]:
    """The Timeline's sentence cues, each extended into the pause after it by up to CUE_TAIL."""
    cues = list(timeline.cues)
    timed = []
    for index, cue in enumerate(cues):
        limit = cues[index + 1].start if index + 1 < len(cues) else timeline.duration
        timed.append(Cue(cue.start, max(cue.end, min(cue.end + CUE_TAIL, limit)), cue.text, cue.speaker))
    return timed


def _one_line(text: str) -> str:
    return " ".join(text.split()).replace("-->", "->")


def _words(text: str, width: int) -> list[str]:
    """The text's words; one longer than a line (a long address) is cut into line-sized pieces."""
    words = []
    for word in text.split():
        words += [word[i:i + width] for i in range(0, len(word), width)]
    return words


def _wrap(words: list[str], width: int) -> list[str]:
    """Greedy word wrap: as many words on each line as fit in `width` characters."""
    lines: list[str] = []
    for word in words:
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _balanced_wrap(words: list[str], width: int) -> list[str]:
    """The fewest lines of at most `width`, as even in length as greedy wrapping makes them:
    the narrowest width that still needs no more lines (no lone last word on a line of its own)."""
    lines = _wrap(words, width)
    narrow = max(len(w) for w in words)
    while narrow < width and len(_wrap(words, narrow)) > len(lines):
        narrow += 1
    return _wrap(words, narrow)


def caption_lines(text: str, card: CaptionCard) -> list[list[str]]:
    """The sentence as caption cards, each a list of at most `card.lines` lines of `card.width`.

    The number of cards is the fewest that hold the text; the words are then spread evenly over
    them, so a sentence one word too long is two half cards, not a full card and an orphan.
    """
    words = _words(_one_line(text), card.width)
    if not words:
        return []
    cards = -(-len(_wrap(words, card.width)) // card.lines)
    total = sum(len(w) + 1 for w in words)
    chunks: list[list[str]] = [[]]
    used = 0
    for word in words:
        # Start the next card once this one has its share of the characters, if the word fits there.
        share = total * len(chunks) / cards
        if chunks[-1] and len(chunks) < cards and used + (len(word) + 1) / 2 > share:
            chunks.append([])
        chunks[-1].append(word)
        used += len(word) + 1
    result = []
    for chunk in chunks:
        lines = _balanced_wrap(chunk, card.width)
        while len(lines) > card.lines:  # the even split overfilled a card: carry the rest over
            result.append(lines[:card.lines])
            lines = _wrap(" ".join(lines[card.lines:]).split(), card.width)
        result.append(lines)
    return result


def caption_cues(cue: Cue, card: CaptionCard) -> list[tuple[float, float, list[str]]]:
    """One sentence's cue as caption cues: (start, end, lines), each timed by its share of the
    sentence's characters (speech takes time in proportion to its letters, closely enough)."""
    cards = caption_lines(cue.text, card)
    weights = [sum(len(line) + 1 for line in lines) for lines in cards]
    total = sum(weights) or 1
    timed, done = [], 0
    for lines, weight in zip(cards, weights):
        start = cue.start + (cue.end - cue.start) * done / total
        done += weight
        end = cue.end if done == total else cue.start + (cue.end - cue.start) * done / total
        timed.append((start, end, lines))
    return timed


def _timestamp(seconds: float, sep: str = ".") -> str:
    ms = int(round(max(0.0, seconds) * 1000))
    h, rem = divmod(ms, 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, ms = divmod(rem, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def _vtt_text(line: str) -> str:
    """WebVTT cue text is markup: '&' and '<' must be written as references."""
    return line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _origins(timeline: Timeline, script) -> list:
    """(origin, cited ids) for each cue, from the script's segments in the timeline's order; None
    where the templates or the extractive writer wrote it (or the two do not line up)."""
    cues = [len(entry.cues) for entry in timeline.entries]
    segments = list(script.segments) if script is not None else []
    if len(segments) != len(cues) or any(s.kind != e.kind for s, e in zip(segments, timeline.entries)):
        return [None] * sum(cues)
    return [(s.origin, list(s.sources)) if s.origin else None for s, n in zip(segments, cues) for _ in range(n)]


def _voice_name(speaker: str) -> str:
    """A name as WebVTT's voice span can carry it (no '>', one line)."""
    return " ".join(speaker.replace(">", "").split())


def webvtt(timeline: Timeline) -> str:
    """A WebVTT transcript (`X.vtt`): caption cues of at most two lines of 42 characters, each
    voice-tagged with its host (`<v Hannah>`) in a show with several hosts."""
    lines = ["WEBVTT", ""]
    n = 0
    for cue in timed_cues(timeline):
        for start, end, text in caption_cues(cue, VTT_CARD):
            n += 1
            shown = [_vtt_text(line) for line in text]
            if cue.speaker:
                shown[0] = f"<v {_voice_name(cue.speaker)}>{shown[0]}"
            lines += [str(n), f"{_timestamp(start)} --> {_timestamp(end)}", *shown, ""]
    return "\n".join(lines)


def srt(timeline: Timeline) -> str:
    """A SubRip transcript (`X.srt`): caption cues of at most two lines of 32 characters."""
    lines = []
    n = 0
    for cue in timed_cues(timeline):
        # SRT has no voice tag: the speaker's name and a colon open the sentence's first card.
        spoken = replace(cue, text=f"{cue.speaker}: {cue.text}") if cue.speaker else cue
        for start, end, text in caption_cues(spoken, SRT_CARD):
            n += 1
            lines += [str(n), f"{_timestamp(start, ',')} --> {_timestamp(end, ',')}", *text, ""]
    return "\n".join(lines)


def transcript_json(timeline: Timeline, speaker: str | None = None, script=None) -> str:
    """The Podcasting 2.0 JSON transcript (`X.transcript.json`): a segment per sentence.

    With the `script` a language model wrote, each sentence of a story also says where it came
    from: `"origin": "model"` (a turn the model wrote, grounded) or `"extract"` (the source's own
    sentence), and `"cites"`, the ids of the story's source sentences it draws on.
    """
    marks = _origins(timeline, script)
    segments = []
    for index, cue in enumerate(timed_cues(timeline)):
        segment = {"startTime": round(cue.start, 3), "endTime": round(cue.end, 3), "body": _one_line(cue.text)}
        if cue.speaker or speaker:
            segment["speaker"] = cue.speaker or speaker
        if marks[index] is not None:
            segment["origin"], segment["cites"] = marks[index]
        segments.append(segment)
    return json.dumps({"version": TRANSCRIPT_VERSION, "segments": segments}, ensure_ascii=False, indent=2) + "\n"
