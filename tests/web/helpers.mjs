// What the page's tests share: Debian's Chromium (headless, SwiftShader, no GPU) driven with
// puppeteer-core, a page opened at a size (a desktop window, or a phone or tablet with touch
// and its pixel ratio) with its console collected, where the app drew a control (from ImGui's
// own item rectangles, which the app reports in device pixels), and the pixels on screen.
import puppeteer from "puppeteer-core";

export let failures = 0;
export function check(ok, what) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures++;
}

export async function launch() {
  return puppeteer.launch({
    executablePath: process.env.RADICULA_CHROMIUM || "/usr/bin/chromium",
    args: ["--headless=new", "--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
  });
}

export const desktop = {width: 1280, height: 800};
export const phone = {width: 390, height: 844, deviceScaleFactor: 3, isMobile: true, hasTouch: true};
export const phoneSideways = {width: 844, height: 390, deviceScaleFactor: 3, isMobile: true,
                              hasTouch: true, isLandscape: true};
export const tablet = {width: 820, height: 1180, deviceScaleFactor: 2, isMobile: true, hasTouch: true};

// A fresh page at `hash`, as a first visit (nothing kept from an earlier one), with its console
// errors and warnings collected, once its first frame is drawn.
export async function open(browser, base, hash, size = desktop) {
  const page = await browser.newPage();
  await page.setViewport(size);
  const cdp = await page.createCDPSession();
  await cdp.send("Storage.clearDataForOrigin", {origin: new URL(base).origin, storageTypes: "local_storage"});
  await cdp.detach();
  const errors = [], warnings = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
    if (m.type() === "warn" || m.type() === "warning") warnings.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("requestfailed", (r) => errors.push("failed request " + r.url()));
  const t0 = Date.now();
  await page.goto(base + hash, {waitUntil: "load"});
  await page.waitForFunction("window.radiculaFirstFrameMs !== undefined", {timeout: 60000});
  const firstFrameMs = await page.evaluate("window.radiculaFirstFrameMs");
  await settle(page);
  return {page, errors, warnings, firstFrameMs, wallMs: Date.now() - t0};
}

// Lets the app draw until the picture rests (camera moves, panels settle).
export async function settle(_page, ms = 1200) {
  await new Promise((r) => setTimeout(r, ms));
}

// Waits (a software renderer draws a frame in about 0.15 s) until `test` holds, up to `ms`.
export async function waitFor(test, ms = 8000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await test()) return true;
    await settle(null, 200);
  }
  return false;
}

// Where the app last drew a control, in CSS pixels of the page (null when not on screen).
export async function control(page, name) {
  const [text, ratio] = await page.evaluate(
      (n) => [Module.ccall("radicula_control", "string", ["string"], [n]), devicePixelRatio], name);
  if (!text) return null;
  const [x, y, w, h] = text.split(" ").map((v) => Number(v) / ratio);
  return {x, y, w, h, cx: x + w / 2, cy: y + h / 2};
}

export async function controlText(page, name) {
  return page.evaluate((n) => Module.ccall("radicula_control_text", "string", ["string"], [n]), name);
}

export async function scene(page) {
  return page.evaluate(() => Module.ccall("radicula_scene", "string", [], []));
}

// The camera: its distance from what it looks at, its yaw and pitch in degrees.
export async function camera(page) {
  const [distance, yaw, pitch] = (await page.evaluate(
      () => Module.ccall("radicula_camera", "string", [], []))).split(" ").map(Number);
  return {distance, yaw, pitch};
}

// The page's pixels as RGBA rows in CSS pixels, read from a screenshot.
export async function pixels(page) {
  const png = await page.screenshot({encoding: "base64"});
  return page.evaluate(async (data) => {
    const img = new Image();
    img.src = "data:image/png;base64," + data;
    await img.decode();
    const c = document.createElement("canvas");
    c.width = innerWidth;
    c.height = innerHeight;
    const g = c.getContext("2d");
    g.drawImage(img, 0, 0, innerWidth, innerHeight);
    return {w: c.width, h: c.height, data: Array.from(g.getImageData(0, 0, c.width, c.height).data)};
  }, png);
}

export function count(img, box, test) {
  let n = 0;
  for (let y = Math.max(0, Math.floor(box.y)); y < Math.min(img.h, box.y + box.h); y++) {
    for (let x = Math.max(0, Math.floor(box.x)); x < Math.min(img.w, box.x + box.w); x++) {
      const i = (y * img.w + x) * 4;
      if (test(img.data[i], img.data[i + 1], img.data[i + 2])) n++;
    }
  }
  return n;
}

export function differing(a, b, box = null) {
  let n = 0, all = 0;
  const x0 = box ? Math.floor(box.x) : 0, y0 = box ? Math.floor(box.y) : 0;
  const x1 = box ? Math.min(a.w, box.x + box.w) : a.w, y1 = box ? Math.min(a.h, box.y + box.h) : a.h;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * a.w + x) * 4;
      all++;
      if (Math.abs(a.data[i] - b.data[i]) + Math.abs(a.data[i + 1] - b.data[i + 1]) +
          Math.abs(a.data[i + 2] - b.data[i + 2]) > 40) n++;
    }
  }
  return n / Math.max(1, all);
}

// The glow of a compressed nerve: reddish purple.
export const glow = (r, g, b) => r > 170 && g < 120 && b > 90 && r > b;
// Anything not the background (28, 31, 36): the figure.
export const figure = (r, g, b) => Math.abs(r - 28) + Math.abs(g - 31) + Math.abs(b - 36) > 40;

// A finger's drag from (x, y) by (dx, dy) in `steps`, its touch events sent together as a real
// finger's come (one after another, without waiting): a finger that seems to rest half a second
// on a busy page is a long press.
export async function drag(page, x, y, dx, dy, steps = 8) {
  const cdp = await page.createCDPSession();
  const send = (type, points) => cdp.send("Input.dispatchTouchEvent", {type, touchPoints: points});
  const sent = [send("touchStart", [{x, y, id: 1}])];
  for (let i = 1; i <= steps; i++) {
    sent.push(send("touchMove", [{x: x + (dx * i) / steps, y: y + (dy * i) / steps, id: 1}]));
  }
  sent.push(send("touchEnd", []));
  await Promise.all(sent);
  await cdp.detach();
}
