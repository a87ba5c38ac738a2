// The page as a person at home meets it on a phone held upright (390 x 844 points, pixel ratio
// 3, touch), turned sideways (844 x 390) and on a tablet (820 x 1180, ratio 2), in Chromium's
// mobile emulation: the picture fills the screen at the screen's own resolution, a tap lands on
// what is drawn under the finger, one finger turns the figure and two zoom it, a long press
// names it, a link's glow is in sight without scrolling, no text is cut and every control is a
// finger's size. Then what a user of the page expects of it on any screen: the mouse wheel
// zooms as on the desktop, there is no Quit but nothing is lost with the tab, a link's language
// is not made the user's, the app can be installed and opens without a network.
// Usage: node tests/web/phone_test.mjs http://127.0.0.1:PORT/ [screenshot folder]
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import {camera, check, control, controlText, count, desktop, differing, drag, failures, figure,
        glow, launch, open as openAt, phone, phoneSideways, pixels, scene, settle, tablet,
        waitFor} from "./helpers.mjs";

const base = process.argv[2];
const shots = process.argv[3] || "build-web/screenshots";
fs.mkdirSync(shots, {recursive: true});
const browser = await launch();
const open = (hash, size) => openAt(browser, base, hash, size);

async function cutText(page) {
  return page.evaluate(() => Module.ccall("radicula_cut_text", "string", [], []));
}

// A finger's tap where the app drew `name`.
async function tap(page, name) {
  const c = await control(page, name);
  if (!c) return false;
  await page.touchscreen.tap(c.cx, c.cy);
  await settle(page, 900);
  return true;
}

// Fingers sent as the browser's touch input (one session per page: it keeps which are down).
const sessions = new WeakMap();
async function fingers(page, type, points) {
  if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
  await sessions.get(page).send("Input.dispatchTouchEvent", {type, touchPoints: points});
}

const sizes = [["phone held upright", "phone-portrait", phone],
               ["phone turned sideways", "phone-landscape", phoneSideways],
               ["tablet", "tablet-portrait", tablet]];

for (const [what, file, size] of sizes) {
  const {page, errors, warnings} = await open("", size);
  // The canvas covers the screen, drawn at the screen's own pixels.
  const canvas = await page.evaluate(() => {
    const r = document.getElementById("canvas").getBoundingClientRect();
    const c = document.getElementById("canvas");
    return {x: r.x, y: r.y, w: r.width, h: r.height, bw: c.width, bh: c.height,
            vw: innerWidth, vh: innerHeight, ratio: devicePixelRatio};
  });
  check(canvas.x === 0 && canvas.y === 0 && canvas.w === canvas.vw && canvas.h === canvas.vh,
        `${what}: the canvas covers the page (${canvas.w}x${canvas.h} of ${canvas.vw}x${canvas.vh})`);
  check(canvas.bw === Math.round(canvas.vw * canvas.ratio) && canvas.bh === Math.round(canvas.vh * canvas.ratio),
        `${what}: it is drawn at ${canvas.bw}x${canvas.bh} device pixels (ratio ${canvas.ratio})`);
  const view = await control(page, "layout.view");
  const upright = size.height > size.width;
  if (upright) {
    check(view && view.y < 60 && view.h / size.height >= 0.55 && view.w === size.width,
          `${what}: the picture is on top, across the width, ${(100 * view.h / size.height).toFixed(0)} % of the height`);
  } else {
    check(view && Math.abs(view.x + view.w - size.width) < 1 && (await control(page, "layout.left")) !== null,
          `${what}: a side column and the picture fill the width (no blank strip)`);
  }
  for (const name of ["present", "mode", "language"]) {
    const c = await control(page, name);
    check(c && c.h >= 43.5 && c.x + c.w <= size.width, `${what}: ${name} is on the bar, ${c ? c.h.toFixed(0) : "-"} points high`);
  }
  const cut = await cutText(page);
  check(cut === "", `${what}: no text is cut` + (cut ? ":\n" + cut : ""));
  await page.screenshot({path: path.join(shots, file + ".png")});

  // A long press names what is under the finger; one finger turns the figure; two spreading
  // apart zoom in.
  const x = view.cx, y = view.y + view.h * 0.45;
  // A long press on the middle of the figure (the hips, in every first view) names what is
  // under the finger, above the finger.
  await fingers(page, "touchStart", [{x, y, id: 5}]);
  await settle(page, 1300);
  const named = await controlText(page, "finger_label");
  const label = await control(page, "finger_label");
  await page.screenshot({path: path.join(shots, file + "-long-press.png")});
  await fingers(page, "touchEnd", []);
  await settle(page, 600);
  check(named.length > 0 && label !== null && label.y + label.h <= y,
        `${what}: a long press names what is under the finger, above it ("${named}")`);
  check((await controlText(page, "finger_label")) === "", `${what}: the name goes with the finger`);
  await settle(page);
  const before = await pixels(page);
  const yaw0 = (await camera(page)).yaw;
  await drag(page, x, y, 96, 0);
  await settle(page);
  const yaw1 = (await camera(page)).yaw;
  // 96 points at 0.4 degrees a point: the figure turns about 38 degrees.
  check(Math.abs(Math.abs(yaw1 - yaw0) - 38.4) < 4 && differing(before, await pixels(page), view) > 0.005,
        `${what}: a finger dragged on the figure turns it (${yaw0.toFixed(1)} -> ${yaw1.toFixed(1)} degrees)`);
  const far = (await camera(page)).distance;
  const figureBefore = count(await pixels(page), view, figure);
  const pair = (d) => [{x: x - d, y, id: 1}, {x: x + d, y, id: 2}];
  await fingers(page, "touchStart", pair(20));
  for (let d = 30; d <= 110; d += 10) await fingers(page, "touchMove", pair(d));
  await fingers(page, "touchEnd", []);
  await settle(page);
  const near = (await camera(page)).distance;
  const figureAfter = count(await pixels(page), view, figure);
  check(near < far * 0.6 && figureAfter > figureBefore * 1.2,
        `${what}: two fingers spreading apart zoom in (distance ${far.toFixed(3)} -> ${near.toFixed(3)}, figure ${figureBefore} -> ${figureAfter} px)`);
  // A tap on each lesion toggle switches it on, and a second off.
  for (const [toggle, key] of [["toggle.herniation", "h="], ["toggle.osteophyte", "o="], ["toggle.stenosis", "s="]]) {
    const c = await control(page, toggle);
    check(c && c.h >= 43.5, `${what}: ${toggle} is ${c ? c.h.toFixed(0) : "not"} points high`);
    if (!c) continue;
    check(c.y + c.h <= size.height, `${what}: ${toggle} is on the screen without scrolling`);
    // A software renderer draws a phone's frame in a few tenths of a second: wait for it.
    await tap(page, toggle);
    let on = "", off = "";
    await waitFor(async () => (on = await scene(page)).includes(key));
    await tap(page, toggle);
    await waitFor(async () => !(off = await scene(page)).includes(key));
    check(on.includes(key) && !off.includes(key), `${what}: a tap on ${toggle} adds it and another removes it (${on} / ${off})`);
  }
  check(!(await scene(page)).match(/[hos]=/), `${what}: no lesion left after the taps`);

  check(errors.length === 0, `${what}: no console error` + (errors.length ? ": " + errors.join("; ") : ""));
  const ignored = warnings.filter((w) => w.includes("Ignored attempt to cancel"));
  check(ignored.length === 0, `${what}: no "Ignored attempt to cancel a touch" warning` + (ignored.length ? ": " + ignored[0] : ""));
  await page.close();
}

// A link opens on the phone as on the desktop: the same lesion lit, on the same side, in view
// without scrolling.
for (const [what, file, size] of [["phone held upright", "phone-link", phone], ["desktop", "desktop-link", desktop],
                                  ["phone turned sideways", "phone-landscape-link", phoneSideways]]) {
  const {page} = await open("#h=L4-L5.left.paracentral.0.6&view=posterior", size);
  await settle(page, 1500);
  const view = await control(page, "layout.view");
  const sheet = await control(page, "layout.sheet");
  const visible = {x: view.x, y: view.y, w: view.w, h: (sheet ? sheet.y : view.y + view.h) - view.y};
  const img = await pixels(page);
  const left = count(img, {...visible, w: visible.w / 2}, glow);
  const right = count(img, {...visible, x: visible.x + visible.w / 2, w: visible.w / 2}, glow);
  check(left > 40 && right < left / 10,
        `${what}: the link's left L4/L5 herniation glows on the left, in sight (${left} / ${right} px)`);
  check((await scene(page)).startsWith("h=L4-L5.left.paracentral"), `${what}: the link's scene is open`);
  await page.screenshot({path: path.join(shots, file + ".png")});
  await page.close();
}

// The mouse wheel: a notch toward the screen zooms in by the desktop window's notch (the
// distance times 0.88), a notch back zooms out as much; never from a close-up to the body.
{
  const {page} = await open("#view=side", desktop);
  const view = await control(page, "layout.view");
  await page.mouse.move(view.cx, view.cy);
  await settle(page, 400);
  const d0 = (await camera(page)).distance;
  await page.mouse.wheel({deltaY: -100});
  await settle(page, 800);
  const d1 = (await camera(page)).distance;
  await page.mouse.wheel({deltaY: 100});
  await settle(page, 800);
  const d2 = (await camera(page)).distance;
  check(Math.abs(d1 / d0 - 0.88) < 0.01 && Math.abs(d2 / d1 - 1 / 0.88) < 0.01,
        `the wheel zooms in a notch and out a notch as on the desktop (${d0.toFixed(3)} -> ${d1.toFixed(3)} -> ${d2.toFixed(3)})`);
  await page.close();
}

// No Quit on the page (a tab is closed, not quit), and nothing is lost with the tab: the
// scene comes back on the next visit without a link.
{
  const {page} = await open("", desktop);
  await page.evaluate(() => localStorage.clear());
  const use = async (name) => {
    const c = await control(page, name);
    if (!c) return false;
    await page.mouse.move(c.cx, c.cy);
    await settle(page, 300);
    await page.mouse.click(c.cx, c.cy);
    await settle(page, 800);
    return true;
  };
  await use("toggle.herniation");
  await use("menu.file");
  check((await control(page, "menu.read_mri")) !== null && (await control(page, "menu.quit")) === null,
        "the page's File menu has no Quit");
  await page.keyboard.press("Escape");
  await settle(page, 500);
  await page.keyboard.down("Control");
  await page.keyboard.press("KeyQ");
  await page.keyboard.up("Control");
  await settle(page, 800);
  check((await control(page, "question.save")) === null, "Ctrl+Q asks nothing and quits nothing on the page");
  const kept = await waitFor(async () =>
      (await page.evaluate(() => localStorage.getItem("radicula-last-scene") || "")).includes("herniation"));
  check(kept, "the unsaved scene is kept in local storage");
  await page.goto("about:blank");
  await page.goto(base, {waitUntil: "load"});
  await page.waitForFunction("window.radiculaFirstFrameMs !== undefined", {timeout: 60000});
  await settle(page);
  check((await scene(page)).startsWith("h=L4-L5"), `the next visit opens it again (${await scene(page)})`);
  await page.evaluate(() => localStorage.clear());
  await page.close();
}

// A link's language shows its scene in that language, but the user's own stays for later.
{
  const {page} = await open("#h=L5-S1.right.paracentral.0.7&lang=es", desktop);
  check((await controlText(page, "language")) === "ES", "a link with lang=es opens in Spanish");
  // A setting changed on that visit (student words) is kept; the language is not.
  const mode = await control(page, "mode");
  await page.mouse.move(mode.cx, mode.cy);
  await settle(page, 300);
  await page.mouse.click(mode.cx, mode.cy);
  await settle(page, 1200);
  const settings = await page.evaluate(() => localStorage.getItem("radicula-settings") || "");
  check(settings.includes("student") && !settings.includes('"es"'),
        `the settings keep the mode chosen, not the link's language (${settings.replace(/\s+/g, " ").slice(0, 120)})`);
  await page.goto("about:blank");
  await page.goto(base + "#view=side", {waitUntil: "load"});
  await page.waitForFunction("window.radiculaFirstFrameMs !== undefined", {timeout: 60000});
  await settle(page);
  check((await controlText(page, "language")) === "EN", "the next visit opens in the user's language");
  await page.evaluate(() => localStorage.clear());
  await page.close();
}

// Installable: a manifest with PNG icons of the sizes it names; and once visited, the page
// opens with its server gone (the offline copy), the last scene with it.
{
  const {page} = await open("", desktop);
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector('link[rel="manifest"]');
    const m = await (await fetch(link.href)).json();
    const icons = [];
    for (const icon of m.icons) {
      const bytes = new Uint8Array(await (await fetch(new URL(icon.src, link.href))).arrayBuffer());
      const png = bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
      const dv = new DataView(bytes.buffer);
      icons.push({src: icon.src, sizes: icon.sizes, purpose: icon.purpose || "any",
                  real: png ? `${dv.getUint32(16)}x${dv.getUint32(20)}` : "svg"});
    }
    return {name: m.name, start: m.start_url, display: m.display, icons};
  });
  const pngs = manifest.icons.filter((i) => i.real !== "svg");
  check(manifest.display === "standalone" && manifest.start === "./" &&
            pngs.some((i) => i.real === "192x192") && pngs.some((i) => i.real === "512x512") &&
            pngs.some((i) => i.purpose === "maskable") && pngs.every((i) => i.real === i.sizes),
        `the web app manifest: ${JSON.stringify(manifest.icons)}`);
  await page.close();

  // A server of our own, stopped after the first visit.
  const root = path.resolve("build-web/site");
  const server = http.createServer((req, res) => {
    const file = path.join(root, decodeURIComponent(new URL(req.url, "http://x").pathname).replace(/\/$/, "/index.html"));
    if (!file.startsWith(root) || !fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
    const type = {".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm",
                  ".webmanifest": "application/manifest+json", ".png": "image/png", ".svg": "image/svg+xml"}[path.extname(file)] || "application/octet-stream";
    res.writeHead(200, {"Content-Type": type});
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const own = `http://127.0.0.1:${server.address().port}/`;
  const context = await browser.createBrowserContext();
  const visit = await context.newPage();
  await visit.setViewport(phone);
  await visit.goto(own + "#h=L4-L5.left.paracentral.0.6", {waitUntil: "load"});
  await visit.waitForFunction("window.radiculaFirstFrameMs !== undefined", {timeout: 60000});
  const cached = await waitFor(() => visit.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    const keys = await caches.keys();
    const files = keys.length ? (await (await caches.open(keys[0])).keys()).length : 0;
    return reg.active !== null && files >= 10;
  }), 30000);
  check(cached, "the offline copy keeps the site's files after the first visit");
  await new Promise((r) => { server.closeAllConnections(); server.close(r); });
  await visit.goto(own, {waitUntil: "load"});
  const offline = await visit.waitForFunction("window.radiculaFirstFrameMs !== undefined", {timeout: 60000})
      .then(() => true, () => false);
  check(offline, "with its server gone, the page opens from the offline copy");
  if (offline) {
    await settle(visit);
    check((await scene(visit)).startsWith("h=L4-L5.left"), "and shows the last scene");
    await visit.screenshot({path: path.join(shots, "phone-offline.png")});
  }
  await context.close();
}

await browser.close();
if (failures > 0) {
  console.log(`${failures} phone check(s) failed`);
  process.exit(1);
}
console.log("all phone checks passed");
