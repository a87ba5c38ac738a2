// The web page as a person at home meets it, in Debian's Chromium (headless, SwiftShader, no
// GPU), driven with puppeteer-core: it loads with no console error, draws, opens the scene a
// link names, answers a click, saves a scenario as a download, turns at a finger's drag,
// explains a broken link, and shows an emergency and an urgent red flag in their own colours and
// words. Prints the first-frame time and the frame median.
// Usage: node tests/web/web_test.mjs http://127.0.0.1:PORT/
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {check, control, count, differing, drag, failures, glow, launch, open as openAt, pixels, settle,
        waitFor} from "./helpers.mjs";

const base = process.argv[2];
const browser = await launch();
// A fresh page at `hash`, desktop-sized, once its first frame is drawn.
const open = (hash, size) => openAt(browser, base, hash, size);

// 1. The page loads and draws; a link opens its scene.
{
  const {page, errors, firstFrameMs, wallMs} =
      await open("#h=L4-L5.left.paracentral.0.6&view=posterior");
  console.log(`first frame ${firstFrameMs.toFixed(0)} ms after navigation (page ready in ${wallMs} ms)`);
  // The figure above is the measure (under 1 s on a quiet 2-core machine); a busy machine
  // stretches it past 3 s, so the check only catches a page that hangs before drawing.
  check(firstFrameMs <= 15000, "the first frame comes within 15 s");
  check(errors.length === 0, "no console error or abort" + (errors.length ? ": " + errors.join("; ") : ""));
  const img = await pixels(page);
  const view = await control(page, "layout.view");
  check(view !== null, "the 3D view is on screen");
  const bright = count(img, view, (r, g, b) => r + g + b > 300);
  check(bright > view.w * view.h * 0.05, "the canvas is not blank");
  // Seen from behind, the patient's left is on the left of the picture (as on the desktop).
  const left = count(img, {x: view.x, y: view.y, w: view.w / 2, h: view.h}, glow);
  const right = count(img, {x: view.x + view.w / 2, y: view.y, w: view.w / 2, h: view.h}, glow);
  console.log(`glowing pixels: left half ${left}, right half ${right}`);
  check(left > 300 && right < left / 10, "the link's left L4/L5 herniation lights the left side only");

  // Frame times while the view turns.
  const times = await page.evaluate(async () => {
    const out = [];
    let last = performance.now();
    for (let i = 0; i < 40; i++) {
      Module.ccall("radicula_orbit", null, ["number", "number"], [6, 0]);
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      out.push(now - last);
      last = now;
    }
    return out;
  });
  times.sort((a, b) => a - b);
  console.log(`frame median ${times[times.length >> 1].toFixed(1)} ms while turning (40 frames)`);
  await page.close();
}

// 2. The Herniated disc button changes the picture; Ctrl+S saves a scenario as a download.
{
  const {page, errors} = await open("");
  const before = await pixels(page);
  const button = await control(page, "toggle.herniation");
  check(button !== null, "the Herniated disc button is on screen");
  await page.mouse.move(button.cx, button.cy);
  await settle(page, 300);
  await page.mouse.click(button.cx, button.cy);
  await settle(page);
  const after = await pixels(page);
  check(differing(before, after) > 0.01, "clicking Herniated disc changes the picture");

  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), "radicula-web-"));
  const cdp = await page.createCDPSession();
  await cdp.send("Browser.setDownloadBehavior", {behavior: "allow", downloadPath: downloads});
  await page.keyboard.down("Control");
  await page.keyboard.press("KeyS");
  await page.keyboard.up("Control");
  await settle(page, 800);
  await page.keyboard.press("Enter");
  let saved = null;
  for (let i = 0; i < 40 && !saved; i++) {
    await settle(page, 250);
    saved = fs.readdirSync(downloads).find((f) => f.endsWith(".json"));
  }
  check(saved !== undefined && saved !== null, "Ctrl+S, Enter downloads a scenario file");
  if (saved) {
    const scenario = JSON.parse(fs.readFileSync(path.join(downloads, saved), "utf8"));
    check(scenario.format === "radicula-scenario/1" && scenario.pathologies.length === 1 &&
              scenario.pathologies[0].type === "herniation",
          `the download ${saved} is a radicula-scenario/1 with the herniation`);
  }
  // Ctrl+E, Enter: the handout, as a PNG download.
  await page.keyboard.down("Control");
  await page.keyboard.press("KeyE");
  await page.keyboard.up("Control");
  await settle(page, 800);
  await page.keyboard.press("Enter");
  let handout = null;
  for (let i = 0; i < 80 && !handout; i++) {
    await settle(page, 250);
    handout = fs.readdirSync(downloads).find((f) => f.endsWith(".png"));
  }
  const png = handout ? fs.readFileSync(path.join(downloads, handout)) : Buffer.alloc(0);
  check(png.length > 100000 && png.subarray(1, 4).toString() === "PNG",
        `Ctrl+E, Enter downloads the handout as a PNG (${handout}, ${png.length} bytes)`);
  check(errors.length === 0, "no console error while editing and saving" + (errors.length ? ": " + errors.join("; ") : ""));

  // One finger turns the view.
  const view = await control(page, "layout.view");
  const still = await pixels(page);
  const x = view.cx, y = view.cy;
  await drag(page, x, y, 120, 0);
  await settle(page);
  check(differing(still, await pixels(page)) > 0.02, "a one-finger drag turns the view");

  // Two fingers spreading apart zoom in: what is under them grows.
  const cdpTouch = await page.createCDPSession();
  const fingers = (d) => [{x: x - d, y, id: 1}, {x: x + d, y, id: 2}];
  const beforePinch = await pixels(page);
  await cdpTouch.send("Input.dispatchTouchEvent", {type: "touchStart", touchPoints: fingers(20)});
  for (let d = 30; d <= 120; d += 15) {
    await cdpTouch.send("Input.dispatchTouchEvent", {type: "touchMove", touchPoints: fingers(d)});
  }
  await cdpTouch.send("Input.dispatchTouchEvent", {type: "touchEnd", touchPoints: []});
  await settle(page);
  const afterPinch = await pixels(page);
  // The figure covers more of the view once zoomed in.
  const figure = (img) => count(img, view, (r, g, b) =>
      Math.abs(r - 28) + Math.abs(g - 31) + Math.abs(b - 36) > 40);
  console.log(`figure pixels before and after a pinch: ${figure(beforePinch)}, ${figure(afterPinch)}`);
  check(figure(afterPinch) > figure(beforePinch) * 1.3, "two fingers spreading apart zoom in");
  await page.close();
}

// 3. A report pasted into the MRI reader lights its root; Copy link puts the scene in the
// address bar.
{
  const {page, errors} = await open("#view=side");
  const use = async (name) => {
    const c = await control(page, name);
    check(c !== null, `${name} is on screen`);
    if (!c) return;
    await page.mouse.move(c.cx, c.cy);
    await settle(page, 300);
    await page.mouse.click(c.cx, c.cy);
    await settle(page, 800);
  };
  const view = await control(page, "layout.view");
  const glowBefore = count(await pixels(page), view, glow);
  await use("menu.file");
  await use("menu.read_mri");
  check(await waitFor(async () => (await control(page, "mri_reader")) !== null),
        "File > Read an MRI report opens the reader");
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData("text/plain",
                 "FINDINGS:\r\nL4-5: left paracentral disc extrusion compressing the left L5 nerve root.");
    document.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data}));
  });
  // The reader stands over the left of the window: the glow is counted in the view beside it.
  let glowAfter = 0;
  await waitFor(async () => (glowAfter = count(await pixels(page), view, glow)) > 200);
  console.log(`glowing pixels before and after pasting a report: ${glowBefore}, ${glowAfter}`);
  check(glowBefore < 50 && glowAfter > 200, "a report pasted into the MRI reader lights its root");
  await page.keyboard.down("Control");
  await page.keyboard.press("Enter");
  await page.keyboard.up("Control");
  await settle(page);
  await use("menu.file");
  await use("menu.copy_link");
  const hash = await page.evaluate(() => location.hash);
  check(hash.startsWith("#h=L4-L5.left.paracentral."), `Copy link puts the scene in the address: ${hash}`);
  check(errors.length === 0, "no console error in the MRI reader" + (errors.length ? ": " + errors.join("; ") : ""));

  // The language chosen stays for the next visit (local storage).
  await use("language");
  await settle(page, 1500);
  const kept = await page.evaluate(() => localStorage.getItem("radicula-settings") || "");
  check(kept.includes('"es"'), "the chosen language is kept in local storage");
  await page.goto(base + "#view=side", {waitUntil: "load"});
  await page.waitForFunction("window.radiculaFirstFrameMs !== undefined", {timeout: 60000});
  await settle(page);
  const lang = await control(page, "language");
  const text = await page.evaluate(
      (n) => Module.ccall("radicula_control_text", "string", ["string"], [n]), "language");
  check(lang !== null && text === "ES", `the next visit opens in Spanish (${text})`);
  await page.evaluate(() => localStorage.clear());
  await page.close();
}

// 4. Ctrl+O opens the browser's file picker; the scenario picked opens in the app.
{
  const {page, errors} = await open("#view=posterior");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "radicula-web-")), "mine.json");
  fs.writeFileSync(file, JSON.stringify({format: "radicula-scenario/1", pathologies: [
    {type: "herniation", level: "L5-S1", side: "right", zone: "paracentral", severity: 0.7}]}));
  const view = await control(page, "layout.view");
  const [chooser] = await Promise.all([
    page.waitForFileChooser({timeout: 10000}),
    (async () => {
      await page.keyboard.down("Control");
      await page.keyboard.press("KeyO");
      await page.keyboard.up("Control");
    })(),
  ]);
  await chooser.accept([file]);
  // Seen from behind the patient's right is on the right of the picture.
  let right = 0, left = 0;
  await waitFor(async () => {
    const img = await pixels(page);
    left = count(img, {x: view.x, y: view.y, w: view.w / 2, h: view.h}, glow);
    right = count(img, {x: view.x + view.w / 2, y: view.y, w: view.w / 2, h: view.h}, glow);
    return right > 300;
  });
  check(right > 300 && left < right / 10,
        `the picked scenario (right L5/S1) opens and lights the right side (${left}, ${right})`);
  check(errors.length === 0, "no console error opening a file" + (errors.length ? ": " + errors.join("; ") : ""));
  await page.close();
}

// 5. A broken link shows the default scene and says why.
{
  const {page, errors} = await open("#h=L45.left.paracentral.0.6");
  const message = await page.evaluate(() => Module.ccall("radicula_message", "string", [], []));
  check(message.includes("L45") && message.includes("disc level"),
        `a malformed link is explained: "${message}"`);
  const img = await pixels(page);
  const view = await control(page, "layout.view");
  // Anything not the background (28, 31, 36): the figure in the side view.
  const drawn = count(img, view, (r, g, b) => Math.abs(r - 28) + Math.abs(g - 31) + Math.abs(b - 36) > 40);
  check(drawn > view.w * view.h * 0.03, "and the default scene is drawn, not a blank page");
  check(errors.length === 0, "no console error for a broken link");
  await page.close();
}

// 6. Red flags graded as the guidelines grade them: a massive central disc is an emergency (red,
// "Go to emergency care today"), a long-standing central stenosis on both sides is urgent (amber,
// "See a doctor now"), on a desktop and on a phone.
{
  const red = (r, g, b) => r > 150 && g < 60 && b < 60;
  const amber = (r, g, b) => r > 200 && g > 120 && g < 200 && b < 80;
  const cases = [
    {hash: "#h=L4-L5.both.central.0.95&view=axial", grade: "emergency", colour: red, other: amber,
     words: "Go to emergency care today"},
    {hash: "#s=L4-L5.both.central.0.7&view=axial", grade: "urgent", colour: amber, other: red,
     words: "See a doctor now"},
    {hash: "#s=L4-L5.both.central.0.7&view=axial&lang=es", grade: "urgent (Spanish)", colour: amber,
     other: red, words: "Consulte a un médico ya"},
  ];
  const sizes = [{width: 1280, height: 800},
                 {width: 390, height: 844, deviceScaleFactor: 3, isMobile: true, hasTouch: true}];
  for (const size of sizes) {
    for (const c of cases) {
      const {page, errors} = await open(c.hash, size);
      const where = `${c.grade} at ${size.width}x${size.height}`;
      const banner = await control(page, "red_flag");
      check(banner !== null, `the red-flag banner shows (${where})`);
      if (banner !== null) {
        const img = await pixels(page);
        const scale = img.w / size.width;
        // The banner's middle band, in screenshot pixels.
        const box = {x: (banner.x + 8) * scale, y: (banner.y + 4) * scale,
                     w: (banner.w - 16) * scale, h: Math.max(2, (banner.h - 8) * scale)};
        const mine = count(img, box, c.colour), other = count(img, box, c.other);
        const area = Math.floor(box.w) * Math.floor(box.h);
        check(mine > area * 0.4 && other < area * 0.02,
              `the banner has the ${c.grade} colour (${where}: ${mine} of ${area}, other ${other})`);
        const text = await page.evaluate(
            () => Module.ccall("radicula_control_text", "string", ["string"], ["red_flag"]));
        check(text.includes(c.words), `the banner says "${c.words}" (${where}: "${text}")`);
      }
      if (size.width === 1280) {
        await page.screenshot({path: path.join(os.tmpdir(), `radicula_web_flag_${c.grade.replace(/\W+/g, "_")}.png`)});
      } else {
        await page.screenshot({path: path.join(os.tmpdir(), `radicula_web_flag_phone_${c.grade.replace(/\W+/g, "_")}.png`)});
      }
      check(errors.length === 0, `no console error (${where})` + (errors.length ? ": " + errors.join("; ") : ""));
      await page.close();
    }
  }
}

await browser.close();
if (failures > 0) {
  console.log(`${failures} web check(s) failed`);
  process.exit(1);
}
console.log("all web checks passed");
