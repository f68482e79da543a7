"""A real browser plays the served page: headless Chromium opens it from `briefing serve`,
plays the first episode muted, and the audio element must know the episode's duration
and report no media error. Skips when Chromium is not installed (.ci/run installs it)."""

from __future__ import annotations

import pytest
from mutagen.mp3 import MP3

from cdp import Browser, chromium_path
from site_fixtures import episodes, show_file, site  # noqa: F401 (fixtures)
from test_site_server import server  # noqa: F401 (fixture: briefing serve on 127.0.0.1)

pytestmark = pytest.mark.slow

PLAY_FIRST_EPISODE = """
(async () => {
  const players = document.querySelectorAll("audio");
  const audio = players[0];
  audio.muted = true;
  if (audio.readyState < 1 && !audio.error) {
    await new Promise(done => {
      audio.addEventListener("loadedmetadata", done, {once: true});
      audio.addEventListener("error", done, {once: true});
      audio.load();
    });
  }
  let played = true;
  try { await audio.play(); } catch (e) { played = String(e); }
  const started = Date.now();
  while (audio.currentTime < 0.5 && !audio.error && Date.now() - started < 15000) {
    await new Promise(done => setTimeout(done, 100));
  }
  return {players: players.length, src: audio.currentSrc, duration: audio.duration,
          position: audio.currentTime, played: played, error: audio.error ? audio.error.code : null};
})()
"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    executable = chromium_path()
    if executable is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    opened = Browser(executable, tmp_path_factory.mktemp("chromium-profile"))
    yield opened
    opened.close()


def test_chromium_plays_an_episode_from_the_served_page(browser, server):
    url = f"http://127.0.0.1:{server['port']}/"
    result = browser.evaluate(url, PLAY_FIRST_EPISODE)
    assert result["error"] is None, result
    assert result["played"] is True, result
    assert result["players"] == 3
    assert result["position"] >= 0.5  # it really played, not only loaded
    mp3 = server["dir"] / result["src"].removeprefix(url)
    assert abs(result["duration"] - MP3(mp3).info.length) < 0.2, result
