// briefing's service worker: the page opens without a network, and episodes saved for offline
// play from this device. Its scope is the folder it is served from: the site's root, or a private
// listener's /t/<token>/, and every cache name carries that scope, so two listeners on one
// device never share saved episodes.
"use strict";
const SCOPE = self.registration.scope;
const SHELL = "briefing-shell " + SCOPE;   // the page and what it needs, kept fresh from the network
const MEDIA = "briefing-media " + SCOPE;   // episodes the listener saved, until they remove them
const SHELL_FILES = ["./", "app.js", "manifest.webmanifest", "icon-192.png", "icon-512.png"];
const AUDIO = /\.(mp3|opus)$/;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => Promise.all(SHELL_FILES.map((file) =>
    cache.add(new Request(file, {cache: "reload"})).catch(() => null)))).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim());
});

// A range of a saved file: 206 with Content-Range, or 416 when it cannot be satisfied (the
// pattern Workbox's range-requests module follows). Players and browsers ask audio in ranges.
async function rangeOf(response, header) {
  const blob = await response.blob();
  const size = blob.size;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  let start, end;
  if (match && match[1] !== "") {
    start = Number(match[1]);
    end = match[2] !== "" ? Math.min(Number(match[2]), size - 1) : size - 1;
  } else if (match && match[2] !== "") {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  }
  if (!match || start === undefined || start >= size || start > end) {
    return new Response("", {status: 416, statusText: "Range Not Satisfiable",
                             headers: {"Content-Range": "bytes */" + size}});
  }
  const part = blob.slice(start, end + 1);
  return new Response(part, {status: 206, statusText: "Partial Content", headers: {
    "Content-Type": response.headers.get("Content-Type") || "audio/mpeg",
    "Content-Range": "bytes " + start + "-" + end + "/" + size,
    "Content-Length": String(part.size), "Accept-Ranges": "bytes"}});
}

async function savedAudio(request) {
  const cache = await caches.open(MEDIA);
  const saved = await cache.match(request.url, {ignoreVary: true, ignoreSearch: true});
  if (!saved) return fetch(request);  // not saved: the network, as if there were no worker
  const range = request.headers.get("Range");
  return range ? rangeOf(saved, range) : saved;
}

// The page, feed and the page's own files: the network first (a new episode shows up at once),
// else the copy kept from the last visit.
async function networkFirst(request) {
  const cache = await caches.open(SHELL);
  try {
    const response = await fetch(request);
    if (response.ok && response.status === 200) cache.put(request, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(request, {ignoreSearch: true}) ||
                 (request.mode === "navigate" ? await cache.match("./") : undefined);
    if (kept) return kept;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  const path = new URL(request.url).pathname;
  if (AUDIO.test(path)) {
    event.respondWith(savedAudio(request));
  } else if (!path.includes("/embed/")) {
    event.respondWith(networkFirst(request));
  }
});
