"""The IAB counting rule on its own, without a server: thresholds, overlapping ranges, probes,
days, episodes with two files, bots and apps read from user agents."""

from __future__ import annotations

from briefing.publish.downloads import Media, MediaRequest, app_of, count, is_bot

MP3 = Media(size=1_000_000, header=40_000, bitrate=96_000, episode="ep")
OPUS = Media(size=200_000, header=300, bitrate=24_000, episode="ep")
THRESHOLD = 40_000 + 60 * 96_000 // 8  # the header plus a minute: 760,000 bytes


def req(listener="a", start=0, length=THRESHOLD, day="2026-12-01", file="ep.mp3", app="Overcast"):
    return MediaRequest(day, listener, file, start, length, app)


def counted(*requests, media=None):
    return list(count(requests, media or {"ep.mp3": MP3, "ep.opus": OPUS}))


def test_a_minute_after_the_header_counts_and_a_byte_less_does_not():
    assert MP3.threshold == THRESHOLD
    assert len(counted(req(length=THRESHOLD))) == 1
    assert counted(req(length=THRESHOLD - 1)) == []


def test_a_short_episode_counts_when_fetched_whole():
    short = Media(size=300_000, header=1_000, bitrate=96_000, episode="s")
    assert short.threshold == 300_000
    assert len(counted(req(file="s.mp3", length=300_000), media={"s.mp3": short})) == 1
    assert counted(req(file="s.mp3", length=299_999), media={"s.mp3": short}) == []


def test_overlapping_ranges_count_once_and_unknown_ranges_add_up():
    half = THRESHOLD // 2
    assert counted(req(start=0, length=half), req(start=0, length=half)) == []  # the same bytes twice
    assert len(counted(req(start=0, length=half), req(start=half, length=half + 1))) == 1
    assert len(counted(req(start=None, length=half), req(start=None, length=half + 1))) == 1


def test_probes_never_count_however_many():
    assert counted(*[req(start=0, length=2) for _ in range(1000)]) == []


def test_once_per_listener_episode_and_day():
    downloads = counted(req(), req(), req(file="ep.opus", length=200_000),  # the same episode's Opus file too
                        req(listener="b"), req(day="2026-12-02"))
    assert [(d.listener, d.day) for d in downloads] == [("a", "2026-12-01"), ("b", "2026-12-01"), ("a", "2026-12-02")]


def test_files_that_are_no_episode_never_count():
    assert counted(req(file="cover.jpg", length=10_000_000)) == []


def test_bots_and_apps_from_user_agents():
    assert is_bot("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")
    assert is_bot("curl/8.0") and is_bot("") and is_bot("-")
    for agent, app in (("AppleCoreMedia/1.0.0.21E236 (iPhone; U; CPU OS 17_4 like Mac OS X; en_us)", "Apple Podcasts"),
                       ("Podcasts/1650.20 CFNetwork/1485 Darwin/23.1.0", "Apple Podcasts"),
                       ("Spotify/8.8.0 iOS/17.1 (iPhone15,2)", "Spotify"),
                       ("Overcast/3.0 (+http://overcast.fm/; iOS podcast app)", "Overcast"),
                       ("PocketCasts/1.0 (Pocket Casts Feed Parser; +http://pocketcasts.com/)", "Pocket Casts"),
                       ("AntennaPod/3.2.0", "AntennaPod"),
                       ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                        "Chrome/120.0 Mobile Safari/537.36", "Chrome on Android"),
                       ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
                        "Gecko) Version/17.1 Mobile/15E148 Safari/604.1", "Safari on iOS")):
        assert not is_bot(agent), agent
        assert app_of(agent) == app, agent
