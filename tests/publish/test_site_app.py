"""The page as an app, in a real headless Chromium driven over the DevTools protocol, against a
real `briefing serve`: the manifest is valid and its icons load, a service worker controls the
page once it is opened again, an episode saved for offline plays with the server gone (and an
unsaved one does not), the page opens with the server gone, a playing episode sets the lock
screen's Media Session, and the speed and the position survive a reload.
Skips when Chromium is not installed (.ci/run installs it)."""

from __future__ import annotations

import pytest

from cdp import Browser, chromium_path
from serving import free_port, running_server
from site_fixtures import copy_site, episodes, republished, show_file, site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.slow

WAIT_FOR_WORKER = """
(async () => {
  const registration = await navigator.serviceWorker.ready;
  return {scope: registration.scope, active: !!registration.active};
})()
"""

PLAY = """
(async (index, until) => {
  const audio = document.querySelectorAll("article audio")[index];
  audio.muted = true;
  let played = true;
  try { await audio.play(); } catch (e) { played = String(e); }
  const started = Date.now();
  while (audio.currentTime < until && !audio.error && Date.now() - started < 15000) {
    await new Promise(done => setTimeout(done, 100));
  }
  audio.pause();
  return {played: played, position: audio.currentTime, error: audio.error ? audio.error.code : null};
})
"""


@pytest.fixture(scope="module")
def app_site(site, tmp_path_factory):
    """The shared site served by its own `briefing serve` (this module stops it to go offline)."""
    folder = copy_site(site["dir"], tmp_path_factory.mktemp("app") / "site")
    port = free_port()
    server = running_server(folder, port)
    server.__enter__()
    state = {"dir": folder, "url": f"http://127.0.0.1:{port}/", "server": server}
    yield state
    if state["server"] is not None:
        state["server"].__exit__(None, None, None)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    executable = chromium_path()
    if executable is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    opened = Browser(executable, tmp_path_factory.mktemp("chromium-app-profile"))
    yield opened
    opened.close()


def test_the_manifest_is_valid_and_its_icons_load(browser, app_site):
    session = browser.open_tab(app_site["url"])
    manifest = browser.send("Page.getAppManifest", {}, session)
    assert manifest["url"] == app_site["url"] + "manifest.webmanifest"
    assert manifest["errors"] == [], manifest["errors"]
    sizes = browser.run(session, """
    (async () => {
      const manifest = await (await fetch(document.querySelector("link[rel=manifest]").href)).json();
      const loaded = await Promise.all(manifest.icons.map(icon => new Promise(done => {
        const image = new Image();
        image.onload = () => done([icon.sizes, image.naturalWidth, image.naturalHeight]);
        image.onerror = () => done([icon.sizes, 0, 0]);
        image.src = icon.src;
      })));
      return {manifest: manifest, loaded: loaded};
    })()""")
    manifest = sizes["manifest"]
    assert manifest["display"] == "standalone" and manifest["start_url"] == "./"
    assert manifest["name"] == "Alder Daily & <Friends>" and len(manifest["short_name"]) <= 12
    assert manifest["theme_color"].startswith("#") and manifest["background_color"].startswith("#")
    assert sizes["loaded"] == [["192x192", 192, 192], ["512x512", 512, 512]]


def test_a_service_worker_controls_the_page_once_opened_again(browser, app_site):
    first = browser.evaluate(app_site["url"], WAIT_FOR_WORKER)
    assert first == {"scope": app_site["url"], "active": True}
    assert browser.evaluate(app_site["url"], "!!navigator.serviceWorker.controller") is True


def test_a_playing_episode_is_on_the_lock_screen(browser, app_site):
    session = browser.open_tab(app_site["url"])
    played = browser.run(session, f"({PLAY})(0, 0.3)")
    assert played["error"] is None and played["played"] is True, played
    session_state = browser.run(session, """({
      title: navigator.mediaSession.metadata && navigator.mediaSession.metadata.title,
      artist: navigator.mediaSession.metadata && navigator.mediaSession.metadata.artist,
      artwork: navigator.mediaSession.metadata ? navigator.mediaSession.metadata.artwork.length : 0,
      expected: document.querySelector("article").getAttribute("data-title"),
      isNew: !document.querySelector("article .new").hidden,
      otherNew: !document.querySelectorAll("article .new")[1].hidden})""")
    assert session_state["title"] == session_state["expected"] == "Garden Club Plants Orchard"  # the newest
    assert session_state["artist"] == "Alder Daily & <Friends>"
    assert session_state["artwork"] >= 1
    assert session_state["isNew"] is False and session_state["otherNew"] is True  # played: no longer new


def test_speed_and_position_survive_a_reload(browser, app_site):
    session = browser.open_tab(app_site["url"])
    browser.run(session, """(async () => {
      const picker = document.getElementById("speed");
      picker.value = "1.5";
      picker.dispatchEvent(new Event("change"));
      const audio = document.querySelectorAll("article audio")[1];
      if (audio.readyState < 1) await new Promise(done => audio.addEventListener("loadedmetadata", done, {once: true}));
      audio.currentTime = 4.2;
      audio.dispatchEvent(new Event("pause"));
    })()""")
    again = browser.run(browser.open_tab(app_site["url"]), """(async () => {
      const audios = document.querySelectorAll("article audio");
      for (const audio of audios) {
        if (audio.readyState < 1) await new Promise(done => audio.addEventListener("loadedmetadata", done, {once: true}));
      }
      await new Promise(done => setTimeout(done, 200));
      return {speed: document.getElementById("speed").value, rate: audios[1].playbackRate,
              position: audios[1].currentTime, other: audios[2].currentTime};
    })()""")
    assert again["speed"] == "1.5" and again["rate"] == 1.5
    assert abs(again["position"] - 4.2) < 0.3, again
    assert again["other"] == 0  # the position is kept per episode


def offline_name(app_site) -> str:
    """The MP3 of the newest episode (the first on the page), which the test saves."""
    import json
    import sqlite3

    with sqlite3.connect(app_site["dir"] / "catalog.sqlite") as db:
        files = db.execute("SELECT files FROM episodes ORDER BY published DESC, number DESC").fetchone()[0]
    return json.loads(files)["mp3"]


SAVE_FIRST = """
(async () => {
  const article = document.querySelector("article");
  article.querySelector("button.save").click();
  const started = Date.now();
  while (!article.classList.contains("saved") && Date.now() - started < 20000) {
    await new Promise(done => setTimeout(done, 100));
  }
  return {saved: article.classList.contains("saved"), label: article.querySelector("button.save").textContent,
          summary: document.getElementById("saved-count").textContent};
})()
"""


def test_a_saved_episode_plays_with_the_server_gone(browser, app_site):
    saved = browser.evaluate(app_site["url"], SAVE_FIRST)
    assert saved["saved"] is True and saved["summary"] == "1 episode saved for offline", saved
    app_site["server"].__exit__(None, None, None)  # the network is gone: nothing answers there now
    app_site["server"] = None
    session = browser.open_tab(app_site["url"])
    assert browser.run(session, "document.querySelectorAll('article').length") == 3  # the page opens
    offline = browser.run(session, f"({PLAY})(0, 1.0)")
    assert offline["error"] is None and offline["position"] >= 1.0, offline  # from the device
    # What the service worker answers from the saved file: ranges (206, 416), the whole file; an
    # unsaved episode goes to the network, which is gone.
    answers = browser.run(session, """(async () => {
      const articles = document.querySelectorAll("article");
      const saved = new URL(articles[0].querySelector("audio").getAttribute("src"), location.href).href;
      const unsaved = new URL(articles[2].querySelector("audio").getAttribute("src"), location.href).href;
      const part = await fetch(saved, {headers: {Range: "bytes=100-199"}});
      const whole = await fetch(saved);
      const beyond = await fetch(saved, {headers: {Range: "bytes=999999999-"}});
      let missing;
      try { missing = (await fetch(unsaved, {cache: "no-store"})).status; } catch (e) { missing = "network error"; }
      return {part: [part.status, part.headers.get("Content-Range"), (await part.arrayBuffer()).byteLength],
              whole: [whole.status, (await whole.arrayBuffer()).byteLength],
              beyond: [beyond.status, beyond.headers.get("Content-Range")], missing: missing};
    })()""")
    size = (app_site["dir"] / "episodes" / offline_name(app_site)).stat().st_size
    assert answers["part"] == [206, f"bytes 100-199/{size}", 100]
    assert answers["whole"] == [200, size]
    assert answers["beyond"] == [416, f"bytes */{size}"]
    assert answers["missing"] == "network error"
    # Removing it from the device: the page says so, and the cache no longer has it.
    removed = browser.run(session, """(async () => {
      const article = document.querySelector("article");
      article.querySelector("button.save").click();
      const started = Date.now();
      while (article.classList.contains("saved") && Date.now() - started < 5000) {
        await new Promise(done => setTimeout(done, 100));
      }
      return {saved: article.classList.contains("saved"), summary: document.getElementById("saved-count").textContent};
    })()""")
    assert removed == {"saved": False, "summary": ""}


@pytest.fixture(scope="module")
def private_app(site, episodes, show_file, tmp_path_factory):
    """The shared site made private, two listeners, served."""
    from conftest import run_cli

    folder, _ = republished(site, episodes, show_file, tmp_path_factory.mktemp("private-app"), "private = true\n")
    port = free_port()
    pages = {}
    for name in ("Ana", "Ben"):
        made = run_cli("listeners", "add", name, "--site", str(folder), "--base-url", f"http://127.0.0.1:{port}/")
        assert made.returncode == 0, made.stderr.decode()
        pages[name] = made.stdout.decode().strip().removesuffix("feed.xml")
    with running_server(folder, port):
        yield pages


def test_listeners_on_one_device_never_share_saved_episodes(browser, private_app):
    ana, ben = private_app["Ana"], private_app["Ben"]
    assert browser.evaluate(ana, WAIT_FOR_WORKER) == {"scope": ana, "active": True}  # her own worker
    saved = browser.evaluate(ana, SAVE_FIRST)
    assert saved["saved"] is True and saved["summary"] == "1 episode saved for offline"
    browser.evaluate(ana, """(() => { const p = document.getElementById("speed"); p.value = "2";
                                      p.dispatchEvent(new Event("change")); })()""")
    bens = browser.evaluate(ben, """(async () => {
      await new Promise(done => setTimeout(done, 500));
      return {saved: document.querySelectorAll("article.saved").length,
              summary: document.getElementById("saved-count").textContent,
              speed: document.getElementById("speed").value,
              manifest: (await (await fetch("manifest.webmanifest")).json()).start_url};
    })()""")
    assert bens == {"saved": 0, "summary": "", "speed": "1", "manifest": "./"}
    again = browser.evaluate(ana, "new Promise(d => setTimeout(() => d([document.querySelectorAll('article.saved').length, document.getElementById('speed').value]), 500))")
    assert again == [1, "2"]  # hers are still there
