"""Stories to spoken segments, written by a language model and held to the grounding rule.

For each story: the prompt (its numbered source sentences, the format, the hosts' personas,
the focus) goes to the endpoint with the turns schema; a reply that is not usable (not JSON,
not the schema, empty, a refusal, cut off at max tokens) gets one repair request; a reply
that still is not, or an endpoint that fails (down, past the deadline, 429 or 5xx after the
retries), leaves the story to the extractive writer, with one warning line naming the writer
and why. Each usable turn is checked (`grounding.py`): grounded, it is said as written;
unsupported, it is replaced by the source sentences it cites, or dropped when it cites none.

The skeleton (intro, announcements, hand-overs, outro) is the extractive writer's, so an
episode written by the model sounds like the show, and a story the model could not write is
exactly what the extractive writer would have said.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date as Date

from ...errors import InputError
from ...models import Digest, EpisodeOptions, Script, Segment
from .client import ChatClient, Unreachable, WriterFault
from .grounding import Sources, check_turn
from .prompt import Host, messages as prompt_messages, repair_message
from .schema import BadReply, Turn, parse_turns, turns_schema

MAX_HOSTS = 4
DEFAULT_KEY_ENV = "OPENAI_API_KEY"
SHOWN_UNSUPPORTED = 6  # at most this many unsupported phrases in the run's line


@dataclass
class WriterReport:
    """What the model wrote in one script, and what it cost."""

    url: str
    model: str | None = None
    turns: int = 0
    grounded: int = 0
    replaced: int = 0
    dropped: int = 0
    unsupported: list[str] = field(default_factory=list)
    tokens_in: int = 0
    tokens_out: int = 0
    calls: int = 0
    cached: int = 0  # stories whose reply came from the cache
    fallbacks: list[str] = field(default_factory=list)  # stories left to the extractive writer, and why

    def line(self) -> str:
        """`41 turns, 38 grounded, 3 replaced (unsupported: "12 people", "Mayor Lee")`."""
        text = f"{self.turns} turn{'s' * (self.turns != 1)}, {self.grounded} grounded, {self.replaced} replaced"
        if self.dropped:
            text += f", {self.dropped} dropped"
        if self.unsupported:
            shown = ", ".join(f'"{u.strip(chr(34))}"' for u in self.unsupported[:SHOWN_UNSUPPORTED])
            more = len(self.unsupported) - SHOWN_UNSUPPORTED
            text += f" (unsupported: {shown}{f', and {more} more' if more > 0 else ''})"
        return text

    def cost_line(self) -> str:
        return (f"{self.tokens_in} tokens in, {self.tokens_out} out, {self.calls} model "
                f"call{'s' * (self.calls != 1)}" + (f", {self.cached} from the cache" if self.cached else ""))

    def to_dict(self) -> dict:
        return {"url": self.url, "model": self.model, "turns": self.turns, "grounded": self.grounded,
                "replaced": self.replaced, "dropped": self.dropped, "unsupported": list(self.unsupported),
                "tokens_in": self.tokens_in, "tokens_out": self.tokens_out, "calls": self.calls,
                "cached": self.cached, "fallbacks": list(self.fallbacks)}


def hosts_of(options: EpisodeOptions) -> list[Host]:
    """The hosts the model writes for: every named host with their persona; one narrator otherwise."""
    if options.format == "conversation" and not 2 <= len(options.hosts) <= MAX_HOSTS:
        raise InputError(f"--format conversation: give 2 to {MAX_HOSTS} hosts (--hosts 2, and [[host]] tables "
                         f"in the show file for more), not {max(1, len(options.hosts))}")
    if len(options.hosts) > 1:
        personas = list(options.personas) + [None] * len(options.hosts)
        return [Host(name, personas[i] or None) for i, (name, _) in enumerate(options.hosts)]
    return [Host(options.hosts[0][0] if options.hosts else "Host", (options.personas or (None,))[0])]


def write_with_model(digests: Sequence[Digest], options: EpisodeOptions, *, title: str | None, day: Date | None,
                     credits: Sequence[Sequence[str]] | None = None,
                     stage: Callable[[str], None] = lambda m: None,
                     warn: Callable[[str], None] = lambda m: None, client: ChatClient | None = None) -> Script:
    """The script of `digests`, each story written by the model at `options.writer`."""
    from ..script import _Cast, _speakable_sentences, environment, write_script
    from .cache import ReplyCache

    hosts = hosts_of(options)
    names = tuple(h.name for h in hosts) if len(hosts) > 1 else ()
    from ..writers import written_format

    skeleton = write_script(digests, show=options.show, title=title, day=day, templates=options.templates,
                            hosts=names, credits=credits, format=written_format(options.format))
    language = skeleton.language
    head, body, tail = _split(skeleton, several=len(digests) > 1 or credits is not None)
    client = client or ChatClient(options.writer, options.writer_model,
                                  os.environ.get(options.writer_key_env or DEFAULT_KEY_ENV) or None)
    report = WriterReport(url=client.url)
    replies = ReplyCache() if options.cache else None
    out: list[Segment] = list(head)
    last_speaker = names[0] if names else None
    dead: str | None = None  # why the endpoint cannot be used at all (no model list): every story falls back
    for digest, (announcement, extractive) in zip(digests, body):
        out += announcement
        if announcement:
            last_speaker = announcement[-1].speaker
        sources = [s for section in digest.sections for s in section.sentences]
        why = dead
        turns: list[Turn] | None = None
        if why is None:
            try:
                report.model = client.model
                turns = _ask(client, replies, report, hosts, options, digest, sources, language)
            except WriterFault as exc:
                why = str(exc)
                if client._model is None or isinstance(exc, Unreachable):
                    dead = why  # no model list, or nobody at the address: the other stories do not ask
            except BadReply as exc:
                why = f"its reply could not be used after one repair request: {exc}"
        if turns is None:
            warn(f"writer {client.url} ({report.model or options.writer_model or 'no model'}): {why}; "
                 f'"{digest.article.title}" is told from its own sentences')
            report.fallbacks.append(f"{digest.article.title}: {why}")
            out += [replace(s, origin="extract") if s.kind == "section" else s for s in extractive]
            if extractive:
                last_speaker = extractive[-1].speaker
            continue
        story = Sources(_story_sentences(digest), allowed_names=[h.name for h in hosts] + [options.show])
        for turn in turns:
            report.turns += 1
            speaker = turn.speaker if names else None
            cited = [sources[i - 1] for i in turn.sources if 1 <= i <= len(sources)]
            verdict = check_turn(turn.text, story, cited)
            if verdict.grounded:
                report.grounded += 1
                spoken = _speakable_sentences([turn.text], language)
                origin = "model"
            else:
                report.unsupported += [u for u in verdict.unsupported if u not in report.unsupported]
                if not cited:
                    report.dropped += 1
                    continue
                report.replaced += 1
                spoken = _speakable_sentences(cited, language)
                origin = "extract"
            if spoken:
                out.append(Segment("section", digest.article.title, spoken, speaker, origin,
                                   tuple(i for i in turn.sources if 1 <= i <= len(sources))))
                last_speaker = speaker
    if names and last_speaker != names[0]:
        cast = _Cast(environment(options.templates), names, language)
        lines = cast.handover(to=names[0], by=last_speaker, topic=None, last=False)
        out.append(Segment("handover", "Closing", _speakable_sentences(lines, language), last_speaker))
    out += tail
    stage(f"writer: {report.line()}")
    stage(f"writer: {report.cost_line()}")
    return replace(skeleton, segments=tuple(s for s in out if s.sentences), writer=report.to_dict())


def _split(skeleton: Script, *, several: bool):
    """The extractive script in parts: the opening, each story's (announcement, body), the close."""
    segments = list(skeleton.segments)
    head = [segments.pop(0)] if segments and segments[0].kind == "intro" else []
    tail = [segments.pop()] if segments and segments[-1].kind == "outro" else []
    if segments and segments[-1].kind == "handover" and segments[-1].title == "Closing":
        segments.pop()  # said again after the model's turns, by whoever spoke last
    body: list[tuple[list[Segment], list[Segment]]] = []
    if several:
        for segment in segments:
            if segment.kind == "article" or not body:
                body.append(([segment] if segment.kind == "article" else [], []))
            else:
                body[-1][1].append(segment)
    else:
        body = [([], segments)]
    return head, body, tail


def _story_sentences(digest: Digest) -> list[str]:
    from ..sentences import split_sentences

    article = digest.article
    out = [article.title]
    for section in article.sections:
        if section.heading:
            out.append(section.heading)
        for paragraph in section.paragraphs:
            out += split_sentences(paragraph, article.language)
    return out


def _ask(client: ChatClient, replies, report: WriterReport, hosts: list[Host], options: EpisodeOptions,
         digest: Digest, sources: list[str], language: str) -> list[Turn]:
    """The story's turns: from the cache, or asked (one repair request when the reply is unusable)."""
    from .cache import reply_key

    words = digest.word_count if options.format != "brief" else min(digest.word_count, 60)
    words = max(40, int(words * (1.3 if options.format == "conversation" else 1.0)))
    messages = prompt_messages(format=options.format, hosts=hosts, focus=options.focus, show=options.show,
                               language=language, words=words, title=digest.article.title, sources=sources,
                               templates=options.templates)
    schema = turns_schema([h.name for h in hosts])
    key = reply_key(client.url, client.model, messages, sources, schema)
    if replies is not None:
        kept = replies.get(key)
        if kept is not None and isinstance(kept.get("unusable"), str):
            report.cached += 1  # the same prompt got an unusable reply before: the same fallback, no call
            raise BadReply(kept["unusable"])
        if kept is not None:
            try:
                turns = parse_turns(kept.get("content", ""), schema)
                report.cached += 1
                return turns
            except BadReply:
                pass
    max_tokens = max(400, words * 4)
    reply = _chat(client, report, messages, schema, max_tokens)
    try:
        turns = _usable(reply, schema, words)
    except BadReply as exc:
        mend = messages + [{"role": "assistant", "content": reply.content[:4000]}, repair_message(str(exc))]
        reply = _chat(client, report, mend, schema, max_tokens)
        try:
            turns = _usable(reply, schema, words)
        except BadReply as again:
            # A model answers the same prompt the same way (its seed is fixed): keep the verdict, not
            # only the good replies. A fault of the endpoint (down, 5xx, deadline) is never kept.
            if replies is not None:
                replies.put(key, {"unusable": str(again), "model": client.model})
            raise
    if replies is not None:
        replies.put(key, {"content": reply.content, "model": client.model})
    return turns


def _chat(client: ChatClient, report: WriterReport, messages, schema, max_tokens: int):
    reply = client.chat(messages, schema=schema, max_tokens=max_tokens)
    report.calls += 1
    report.tokens_in += reply.tokens_in
    report.tokens_out += reply.tokens_out
    return reply


def _usable(reply, schema, words: int) -> list[Turn]:
    """The reply's turns, or BadReply: refused, cut off, not the schema, or too short to tell the story
    (under an eighth of the words asked for: a greeting alone says nothing of the news)."""
    if reply.refusal:
        raise BadReply(f"the model refused ({reply.refusal[:80]})")
    if reply.finish_reason == "length":
        raise BadReply("the reply was cut off at the token limit")
    if reply.finish_reason == "content_filter":
        raise BadReply("the reply was withheld by the endpoint's content filter")
    turns = parse_turns(reply.content, schema)
    said = sum(len(t.text.split()) for t in turns)
    if said < max(8, words // 8):
        raise BadReply(f"the reply is too short to tell the story ({said} words of the {words} asked for)")
    return turns
