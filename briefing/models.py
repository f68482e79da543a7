"""The values that flow through the pipeline, one frozen dataclass each.

    source --ingest--> Article --summarize--> Digest --edit for the ear--> Digest --write--> Script
           --speak--> Takes --mix--> Episode --export--> files --publish--> site

(how much is said is the format's: a digest, a brief, or the full article; writing/formats.py)

Grown into a show (`briefing run`, briefing/show/):

    Source --fetch--> Item(s) --select--> Story(ies), as Mentions of each source
           --write--> RunPlan: a PlannedEpisode per show (or per Listener), each a Script
           --speak--> segments (content-addressed, in the shared take cache;
                      levelled once too: briefing/audio/levelled.py)
           --render_script--> files --publish (+ mark covered)--> site
                      (personal briefings: the MP3 joined from pieces, each segment's
                      encoded and measured once: briefing/audio/pieces.py)

EpisodeOptions says how every episode is made; a RunPlan round-trips through JSON, so a
Celery worker (briefing/cluster/) runs the same stage functions as a local run.

Read this module to learn the whole pipeline: every stage is a function from one
of these values to the next, and nothing reaches back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Section:
    """A part of an article: an optional heading and its paragraphs.

    The lead before an article's first heading is a section whose heading is None.
    """

    heading: str | None
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Article:
    """What was read from one source."""

    title: str
    source: str
    sections: tuple[Section, ...]
    published: date | None = None
    byline: str | None = None
    language: str = "en"

    @property
    def word_count(self) -> int:
        return sum(len(p.split()) for s in self.sections for p in s.paragraphs)


@dataclass(frozen=True)
class DigestSection:
    """The sentences chosen from one section, in their original order."""

    heading: str | None
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class Digest:
    """One article, summarized: the chosen sentences of each section."""

    article: Article
    sections: tuple[DigestSection, ...]

    @property
    def word_count(self) -> int:
        return sum(len(s.split()) for sec in self.sections for s in sec.sentences)


@dataclass(frozen=True)
class Segment:
    """One spoken part of the episode: the intro, an announced section, the outro.

    `sentences` is the speakable text split where the voice pauses; `text` is
    what the listener hears, exactly, and what the transcript shows.
    """

    kind: str  # "intro" | "article" | "section" | "handover" | "outro"
    title: str | None
    sentences: tuple[str, ...]
    speaker: str | None = None  # the host who says it, in a show with several hosts
    # Who wrote it, when a language model wrote the story (briefing/writing/llm/): "model" (a turn
    # the model wrote that passed the grounding rule) or "extract" (the source's own sentences: a
    # turn that failed it, or a story the model could not write). None: the templates and the
    # extractive writer. `sources` are the ids of the story's source sentences the turn cites.
    origin: str | None = None
    sources: tuple[int, ...] = ()

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


@dataclass(frozen=True)
class Script:
    """Everything the episode will say, in order."""

    title: str
    show: str
    date: date
    segments: tuple[Segment, ...]
    sources: tuple[str, ...] = ()
    language: str = "en"
    hosts: tuple[str, ...] = ()  # the hosts' names, first the one who opens, when there are several
    # What the language-model writer did, when one wrote the script: its endpoint and model, turns
    # grounded/replaced/dropped, what was unsupported, tokens in and out, calls made (see WriterReport).
    writer: dict[str, Any] | None = None

    @property
    def text(self) -> str:
        """The spoken script, one paragraph per segment."""
        return "\n\n".join(s.text for s in self.segments) + "\n"

    @property
    def word_count(self) -> int:
        return sum(len(s.text.split()) for s in self.segments)

    def to_dict(self) -> dict[str, Any]:
        """What `briefing script --json` prints; with the show, date and sentences, enough to
        rebuild the Script (`from_dict`) in another process."""
        data: dict[str, Any] = {
            "title": self.title,
            "segments": [{"kind": s.kind, "title": s.title, "text": s.text, "sentences": list(s.sentences),
                          **({"speaker": s.speaker} if s.speaker else {}),
                          **({"origin": s.origin, "sources": list(s.sources)} if s.origin else {})}
                         for s in self.segments],
            "show": self.show,
            "date": self.date.isoformat(),
            "sources": list(self.sources),
            "language": self.language,
        }
        if self.hosts:
            data["hosts"] = list(self.hosts)
        if self.writer:
            data["writer"] = self.writer
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Script":
        return cls(
            title=data["title"], show=data["show"], date=date.fromisoformat(data["date"]),
            segments=tuple(Segment(s["kind"], s["title"], tuple(s["sentences"]), s.get("speaker"),
                                   s.get("origin"), tuple(s.get("sources", ())))
                           for s in data["segments"]),
            sources=tuple(data.get("sources", ())), language=data.get("language", "en"),
            hosts=tuple(data.get("hosts", ())), writer=data.get("writer"),
        )


@dataclass(frozen=True)
class SentenceTake:
    """One sentence rendered by a voice: mono 16-bit PCM at `sample_rate`."""

    text: str
    pcm: bytes
    sample_rate: int

    @property
    def frames(self) -> int:
        return len(self.pcm) // 2

    @property
    def duration(self) -> float:
        return self.frames / self.sample_rate


@dataclass(frozen=True)
class Take:
    """A segment rendered sentence by sentence, so its timing is known exactly."""

    segment: Segment
    sentences: tuple[SentenceTake, ...]


@dataclass(frozen=True)
class Cue:
    """A stretch of the episode where one sentence is heard (seconds)."""

    start: float
    end: float
    text: str
    speaker: str | None = None  # the host heard, in a show with several hosts


@dataclass(frozen=True)
class TimelineEntry:
    """Where one segment sits in the episode, with a cue per sentence."""

    kind: str
    title: str | None
    start: float
    end: float
    cues: tuple[Cue, ...] = ()
    speaker: str | None = None


@dataclass(frozen=True)
class Timeline:
    """Start and end of every segment and sentence of the mixed episode.

    Everything timed downstream (chapters, transcripts, feed durations) reads
    this, never recomputes it.
    """

    entries: tuple[TimelineEntry, ...]
    duration: float

    @property
    def cues(self) -> tuple[Cue, ...]:
        return tuple(c for e in self.entries for c in e.cues)

    def to_dict(self) -> dict[str, Any]:
        return {
            "duration": self.duration,
            "entries": [
                {"kind": e.kind, "title": e.title, "start": e.start, "end": e.end,
                 "cues": [[c.start, c.end, c.text, *([c.speaker] if c.speaker else [])] for c in e.cues],
                 **({"speaker": e.speaker} if e.speaker else {})}
                for e in self.entries
            ],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Timeline":
        return cls(
            tuple(TimelineEntry(e["kind"], e["title"], e["start"], e["end"],
                                tuple(Cue(*cue) for cue in e["cues"]), e.get("speaker"))
                  for e in data["entries"]),
            data["duration"],
        )


@dataclass(frozen=True)
class Episode:
    """The mixed audio (mono float32 samples, a numpy array) and its timeline."""

    script: Script
    audio: Any  # numpy.ndarray; typed loosely so importing models stays cheap
    timeline: Timeline
    sample_rate: int = 44100


@dataclass(frozen=True)
class EpisodeOptions:
    """How an episode is made: what the script is written for, how it is spoken and mixed.

    The CLI's `make` flags, the show file and the self-running show all end up here; a
    plain value (`to_dict`/`from_dict`) so that another process (a worker) makes the same
    episode from it.
    """

    # the script
    minutes: float = 3.0
    show: str = "The Briefing"
    title: str | None = None
    templates: str | None = None
    day: date | None = None
    latest: int | None = None
    # the voice
    engine: str = "hibari"
    voice: str | None = None
    speed: float = 1.0
    lang: str | None = None
    tld: str | None = None
    quote_voice: str | None = None
    # Several hosts: (name, "engine:voice") pairs, the first opens and closes the show. Empty or
    # one pair: a single voice (engine and voice above).
    hosts: tuple[tuple[str, str], ...] = ()
    # What each host is like, for the language-model writer ("the curious one: asks what listeners
    # would ask"), in the order of `hosts`.
    personas: tuple[str, ...] = ()
    # Word -> how it is said: a respelling ("HAH-mah") or phonemes between slashes ("/ɑˈsɑd/").
    pronunciations: dict[str, str] = field(default_factory=dict)
    # the mix and the file
    bitrate: int = 96
    loudness: float = -16.0
    cover: str | None = None
    music: bool = True
    cache: bool = True
    # The script's form (briefing/writing/formats.py): "digest" (summarized, edited for the ear,
    # the default), "brief" (a bulletin: each story in one or two sentences), "full" (every
    # paragraph), and "conversation" (the hosts talk each story through; the language model writes it).
    format: str = "digest"
    # The language-model writer (briefing/writing/llm/): an OpenAI-compatible endpoint's URL
    # (None: the offline extractive writer), its model (None: the first it lists), the environment
    # variable holding its key (never the key itself), and what the script should focus on.
    writer: str | None = None
    writer_model: str | None = None
    writer_key_env: str | None = None
    focus: str | None = None
    # Join the MP3 from pieces encoded once and shared with other episodes (a run of personal
    # briefings: `briefing.audio.pieces`) instead of encoding it whole.
    pieces: bool = False

    def to_dict(self) -> dict[str, Any]:
        from dataclasses import asdict

        data = asdict(self)
        data["day"] = self.day.isoformat() if self.day else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "EpisodeOptions":
        data = dict(data)
        data["hosts"] = tuple(tuple(pair) for pair in data.get("hosts") or ())
        data["personas"] = tuple(data.get("personas") or ())
        if data.get("day"):
            data["day"] = date.fromisoformat(data["day"])
        return cls(**data)


@dataclass(frozen=True)
class EpisodeFiles:
    """What export wrote: the MP3 and its sidecars, sharing one stem."""

    mp3: str
    sidecars: dict[str, str] = field(default_factory=dict)
    duration: float = 0.0


# The self-running show:
#
#   show file --fetch--> Items --select--> Stories --write--> Script(s) in a RunPlan
#             --render, publish--> site (the stories marked covered with the episode)


@dataclass(frozen=True)
class Source:
    """One `[[source]]` of the show file: a feed, a web page, a local file or folder (documents,
    a Maildir), or an IMAP mailbox."""

    url: str
    name: str | None = None  # how the episode credits it; default: the feed's own title
    latest: int = 10  # at most this many items per fetch
    # An IMAP mailbox (imaps://user@host/INBOX?from=...): show/imap.py
    password_env: str | None = None  # the environment variable holding the password
    mark_read: bool = False  # mark the messages an episode covered read; otherwise change nothing
    allow_plaintext: bool = False  # imap:// (no TLS) to a server other than this machine


@dataclass(frozen=True)
class Item:
    """One thing a source carries: a feed item, a page, a file. `position` is its place in the
    feed (0 = the feed's first), `guid` the feed's id for it (else its link)."""

    source: str  # the source's name, as credited
    source_url: str
    link: str
    guid: str
    article: Article
    position: int = 0
    first_seen: date | None = None  # the run day it first appeared: ages an undated item


@dataclass(frozen=True)
class Mention:
    """How one source told a story, as the site's memory keeps it: whom to credit, where to
    read more, and how to recognise the story again (canonical URL, guid, text fingerprint)."""

    source: str
    title: str
    url: str  # canonical: tracking parameters stripped
    guid: str  # scoped by the source's URL, so two feeds' "1" differ
    fingerprint: str  # hex MinHash of the text's word shingles (show/memory.py)

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "title": self.title, "url": self.url, "guid": self.guid,
                "fingerprint": self.fingerprint}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Mention":
        return cls(**data)


@dataclass(frozen=True)
class Story:
    """One event, told by one or more sources: the fullest telling is read, every source credited."""

    title: str
    article: Article  # the fullest text among the mentions
    mentions: tuple[Mention, ...]
    score: float = 0.0

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.source for m in self.mentions))


@dataclass(frozen=True)
class SourceReport:
    """How one source's fetch went in this run."""

    name: str
    url: str
    status: str  # "ok", "not modified", or why it failed ("the server answered 500 ...")
    items: int = 0
    new: int = 0
    other_language: int = 0  # items left out: not in the show's language
    too_old: int = 0  # items left out: older than the show's max_age_days
    not_articles: tuple[str, ...] = ()  # items left out, each with why: "URL: looks like a home page ..."

    def __post_init__(self) -> None:  # a list when read back from JSON
        object.__setattr__(self, "not_articles", tuple(self.not_articles))

    @property
    def failed(self) -> bool:
        return self.status not in ("ok", "not modified")


@dataclass(frozen=True)
class PlannedEpisode:
    """One episode a run will make: its site key, its script, the stories it covers (in order)."""

    key: str
    script: Script
    stories: tuple[tuple[str, tuple[Mention, ...]], ...]  # (title, mentions) per story, as announced
    listener: str | None = None  # a personal briefing: published to this listener's own feed

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "script": self.script.to_dict(), "listener": self.listener,
                "stories": [{"title": t, "mentions": [m.to_dict() for m in ms]} for t, ms in self.stories]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "PlannedEpisode":
        return cls(data["key"], Script.from_dict(data["script"]),
                   tuple((s["title"], tuple(Mention.from_dict(m) for m in s["mentions"])) for s in data["stories"]),
                   data.get("listener"))


@dataclass(frozen=True)
class RunPlan:
    """What a run of the show will do, decided before any audio: fetched, selected, written.

    A plain value (`to_dict`/`from_dict`): a worker on another machine produces the episodes
    from it (`show.run.produce_episode(plan, index)`).
    """

    show_file: str
    site: str
    day: date
    options: EpisodeOptions
    episodes: tuple[PlannedEpisode, ...]
    sources: tuple[SourceReport, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        from dataclasses import asdict

        return {"show_file": self.show_file, "site": self.site, "day": self.day.isoformat(),
                "options": self.options.to_dict(), "episodes": [e.to_dict() for e in self.episodes],
                "sources": [asdict(s) for s in self.sources]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "RunPlan":
        return cls(data["show_file"], data["site"], date.fromisoformat(data["day"]),
                   EpisodeOptions.from_dict(data["options"]),
                   tuple(PlannedEpisode.from_dict(e) for e in data["episodes"]),
                   tuple(SourceReport(**s) for s in data.get("sources", ())))


@dataclass(frozen=True)
class Listener:
    """One listener of a show's personal briefings (`[[listener]]` in the show file).

    A story is theirs when one of `topics` (keywords) appears in its title or lead, or it
    comes from one of `sources` (by name). `minutes` decides how many stories they get (the
    show's minutes when None); the stories themselves are summarized once, at their own
    length, so that everyone who gets a story hears the same, once-spoken segment.
    """

    name: str
    topics: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    minutes: float | None = None
    top_story: bool = True  # the show's top story too, whatever it is about
    format: str | None = None  # how their stories are written (digest, brief, full); None: the show's

