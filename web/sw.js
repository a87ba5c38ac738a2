// Radicula's offline copy: once the page has been opened, its files are kept, so it opens (from
// the home screen too) without a network. The version is the build's (scripts/build_web.sh
// writes it): a new build is a new cache, and the old one is dropped once the new one is whole.
"use strict";
const kVersion = "@RADICULA_SITE_VERSION@";
const kCache = "radicula-" + kVersion;
const kFiles = ["./", "index.html", "page.js", "radicula.js", "radicula.wasm", "radicula.data",
                "manifest.webmanifest", "icon.svg", "icon-192.png", "icon-512.png",
                "icon-maskable-512.png"];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(kCache)
                      .then((cache) => cache.addAll(kFiles.map((f) => new Request(f, {cache: "reload"}))))
                      .then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
                      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("radicula-") && k !== kCache)
                                                      .map((k) => caches.delete(k))))
                      .then(() => self.clients.claim()));
});

// The kept copy first (the files of one build belong together); what is not kept, from the
// network. A page opened with any address of the site is the app's page.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(kCache);
    const kept = request.mode === "navigate" ? await cache.match("index.html")
                                             : await cache.match(request, {ignoreSearch: true});
    return kept || fetch(request);
  })());
});
