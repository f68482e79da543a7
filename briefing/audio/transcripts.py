"""Transcripts from the Timeline: WebVTT, SRT and the Podcasting 2.0 JSON transcript.

A cue per sentence, timed where the sentence is heard in the rendered audio (the
mix measures each take's speech and leaves its silent edges out). A cue's end runs
on a little into the following pause (CUE_TAIL) so captions do not flicker off
between sentences, but never into the next cue.

    from briefing.audio.transcripts import srt
    print(srt(episode.timeline))
"""

from __future__ import annotations

import json

from ..models import Cue, Timeline

CUE_TAIL = 0.05  # s a cue stays up after its last word: well under the 0.1 s a listener would notice
TRANSCRIPT_VERSION = "1.0.0"  # Podcasting 2.0 JSON transcript


def timed_cues(timeline: Timeline) -> list[Cue]:
    """The Timeline's cues, each extended into the pause after it by up to CUE_TAIL."""
    cues = list(timeline.cues)
    timed = []
    for index, cue in enumerate(cues):
        limit = cues[index + 1].start if index + 1 < len(cues) else timeline.duration
        timed.append(Cue(cue.start, max(cue.end, min(cue.end + CUE_TAIL, limit)), cue.text, cue.speaker))
    return timed


def _timestamp(seconds: float, sep: str = ".") -> str:
    ms = int(round(max(0.0, seconds) * 1000))
    h, rem = divmod(ms, 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, ms = divmod(rem, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def _one_line(text: str) -> str:
    return " ".join(text.split()).replace("-->", "->")


def _voice_tagged(cue: Cue) -> str:
    """WebVTT's voice span, `<v Hannah>text`, when the cue has a speaker (the text is escaped then)."""
    if not cue.speaker:
        return _one_line(cue.text)
    escaped = _one_line(cue.text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    name = " ".join(cue.speaker.replace(">", "").split())
    return f"<v {name}>{escaped}"


def _speaker_prefixed(cue: Cue) -> str:
    """SRT has no voice tag; the usual convention is the speaker's name and a colon."""
    return f"{cue.speaker}: {_one_line(cue.text)}" if cue.speaker else _one_line(cue.text)


def webvtt(timeline: Timeline) -> str:
    """A WebVTT transcript (`X.vtt`): one numbered cue per sentence, voice-tagged with its host."""
    lines = ["WEBVTT", ""]
    for n, cue in enumerate(timed_cues(timeline), 1):
        lines += [str(n), f"{_timestamp(cue.start)} --> {_timestamp(cue.end)}", _voice_tagged(cue), ""]
    return "\n".join(lines)


def srt(timeline: Timeline) -> str:
    """A SubRip transcript (`X.srt`): the same cues, with SRT's comma before the milliseconds."""
    lines = []
    for n, cue in enumerate(timed_cues(timeline), 1):
        lines += [str(n), f"{_timestamp(cue.start, ',')} --> {_timestamp(cue.end, ',')}", _speaker_prefixed(cue), ""]
    return "\n".join(lines)


def transcript_json(timeline: Timeline, speaker: str | None = None) -> str:
    """The Podcasting 2.0 JSON transcript (`X.transcript.json`): a segment per sentence."""
    segments = []
    for cue in timed_cues(timeline):
        segment = {"startTime": round(cue.start, 3), "endTime": round(cue.end, 3), "body": _one_line(cue.text)}
        if cue.speaker or speaker:
            segment["speaker"] = cue.speaker or speaker
        segments.append(segment)
    return json.dumps({"version": TRANSCRIPT_VERSION, "segments": segments}, ensure_ascii=False, indent=2) + "\n"
