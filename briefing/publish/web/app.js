// The page as an app: saved episodes for offline, the lock screen (Media Session), a speed that
// is remembered, the position kept per episode, unplayed episodes marked new. Everything it
// remembers is kept under this page's own folder (the site, or a listener's /t/<token>/), so
// listeners sharing a device never see each other's.
"use strict";
(function () {
  const SCOPE = new URL("./", location.href).href;
  const MEDIA = "briefing-media " + SCOPE;  // the same name the service worker reads
  const SPEEDS = [0.8, 1, 1.2, 1.5, 1.75, 2];
  const store = {
    get(name) { try { return localStorage.getItem("briefing " + SCOPE + " " + name); } catch (e) { return null; } },
    set(name, value) { try { localStorage.setItem("briefing " + SCOPE + " " + name, String(value)); } catch (e) {} },
  };
  const articles = Array.from(document.querySelectorAll("article[data-guid]"));
  const audioOf = (article) => article.querySelector("audio");
  const showTitle = document.body.getAttribute("data-show") || document.title;

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("sw.js", {scope: "./"}).catch(() => null);
  }

  // Speed: one for the whole show, remembered.
  const speedPicker = document.getElementById("speed");
  function speed() {
    const chosen = parseFloat(store.get("speed"));
    return SPEEDS.includes(chosen) ? chosen : 1;
  }
  function applySpeed() {
    articles.forEach((article) => {
      const audio = audioOf(article);
      audio.defaultPlaybackRate = speed();
      audio.playbackRate = speed();
    });
    if (speedPicker) speedPicker.value = String(speed());
  }
  if (speedPicker) {
    speedPicker.hidden = false;
    speedPicker.parentElement.hidden = false;
    speedPicker.addEventListener("change", () => { store.set("speed", speedPicker.value); applySpeed(); });
  }

  function chaptersOf(article) {
    return Array.from(article.querySelectorAll("ol.chapters [data-seek]")).map((link) => parseFloat(link.getAttribute("data-seek")));
  }

  function updatePosition(audio) {
    if (!("mediaSession" in navigator) || !navigator.mediaSession.setPositionState) return;
    if (!isFinite(audio.duration) || audio.duration <= 0) return;
    try {
      navigator.mediaSession.setPositionState({duration: audio.duration, playbackRate: audio.playbackRate,
                                               position: Math.min(audio.currentTime, audio.duration)});
    } catch (e) {}
  }

  // The lock screen: what plays, and the buttons that steer it.
  function onLockScreen(article) {
    if (!("mediaSession" in navigator)) return;
    const audio = audioOf(article);
    const cover = article.getAttribute("data-cover");
    navigator.mediaSession.metadata = new MediaMetadata({
      title: article.getAttribute("data-title"), artist: showTitle, album: showTitle,
      artwork: cover ? [{src: new URL(cover, location.href).href}] : [
        {src: new URL("icon-192.png", location.href).href, sizes: "192x192", type: "image/png"},
        {src: new URL("icon-512.png", location.href).href, sizes: "512x512", type: "image/png"}],
    });
    const chapter = (direction) => {
      const starts = chaptersOf(article);
      const now = audio.currentTime;
      const earlier = starts.filter((s) => s < now - 2);
      const target = direction < 0 ? (earlier.length ? earlier[earlier.length - 1] : 0)
                                   : starts.find((s) => s > now + 0.5);
      if (target !== undefined) audio.currentTime = target;
      updatePosition(audio);
    };
    const handlers = {
      play: () => audio.play(),
      pause: () => audio.pause(),
      seekbackward: (d) => { audio.currentTime = Math.max(0, audio.currentTime - (d.seekOffset || 15)); updatePosition(audio); },
      seekforward: (d) => { audio.currentTime = Math.min(audio.duration || Infinity, audio.currentTime + (d.seekOffset || 30)); updatePosition(audio); },
      seekto: (d) => { audio.currentTime = d.seekTime; updatePosition(audio); },
      previoustrack: () => chapter(-1),
      nexttrack: () => chapter(1),
    };
    for (const [action, handler] of Object.entries(handlers)) {
      try { navigator.mediaSession.setActionHandler(action, handler); } catch (e) {}
    }
    updatePosition(audio);
  }

  // Saved for offline: the MP3 in this folder's cache, fetched whole, on the listener's word.
  async function isSaved(url) {
    if (!("caches" in window)) return false;
    const cache = await caches.open(MEDIA);
    return !!(await cache.match(url));
  }
  async function showSaved() {
    let count = 0;
    for (const article of articles) {
      const url = new URL(audioOf(article).getAttribute("src"), location.href).href;
      const saved = await isSaved(url);
      if (saved) count += 1;
      article.classList.toggle("saved", saved);
      const button = article.querySelector("button.save");
      if (button) button.textContent = saved ? "Saved: remove from this device" : "Save for offline";
    }
    const summary = document.getElementById("saved-count");
    if (summary) summary.textContent = count ? count + (count === 1 ? " episode" : " episodes") + " saved for offline" : "";
  }
  async function toggleSaved(article) {
    const url = new URL(audioOf(article).getAttribute("src"), location.href).href;
    const cache = await caches.open(MEDIA);
    const button = article.querySelector("button.save");
    if (await cache.match(url)) {
      await cache.delete(url);
    } else {
      button.textContent = "Saving…";
      button.disabled = true;
      try {
        if (navigator.storage && navigator.storage.persist) await navigator.storage.persist();
        const response = await fetch(url, {cache: "no-store"});
        if (!response.ok) throw new Error(response.status);
        await cache.put(url, response);
      } catch (e) {
        button.textContent = "Could not save: try again";
      }
      button.disabled = false;
    }
    await showSaved();
  }

  articles.forEach((article) => {
    const guid = article.getAttribute("data-guid");
    const audio = audioOf(article);
    const badge = article.querySelector(".new");
    if (badge) badge.hidden = store.get("played " + guid) === "1";
    const button = article.querySelector("button.save");
    if (button && "caches" in window) {
      button.hidden = false;
      button.addEventListener("click", () => toggleSaved(article));
    }
    // Resume where the listener stopped (not in the last seconds: that episode was finished).
    const resume = () => {
      const at = parseFloat(store.get("position " + guid));
      if (at > 0 && (!isFinite(audio.duration) || at < audio.duration - 5) && audio.currentTime < 1) audio.currentTime = at;
      audio.playbackRate = speed();
    };
    if (audio.readyState >= 1) resume(); else audio.addEventListener("loadedmetadata", resume, {once: true});
    let last = 0;
    audio.addEventListener("timeupdate", () => {
      if (Math.abs(audio.currentTime - last) >= 1) {
        last = audio.currentTime;
        store.set("position " + guid, audio.currentTime.toFixed(1));
        updatePosition(audio);
      }
    });
    audio.addEventListener("pause", () => store.set("position " + guid, audio.currentTime.toFixed(1)));
    audio.addEventListener("ended", () => store.set("position " + guid, 0));
    audio.addEventListener("ratechange", () => updatePosition(audio));
    audio.addEventListener("play", () => {
      store.set("played " + guid, 1);
      if (badge) badge.hidden = true;
      audio.playbackRate = speed();
      onLockScreen(article);
    });
  });
  applySpeed();
  showSaved();
})();
