// Draws the web page's PNG icons from their SVG sources in Debian's Chromium (headless, with
// puppeteer-core), at the sizes a home screen asks for: web/icon-192.png and web/icon-512.png
// from web/icon.svg, and web/icon-maskable-512.png (full bleed, the figure inside the safe
// circle) from web/icon-maskable.svg. Run again after changing a source:
//   node tools/make_icons.mjs
import fs from "node:fs";
import path from "node:path";
import {fileURLToPath} from "node:url";
import puppeteer from "puppeteer-core";

const web = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "web");
const browser = await puppeteer.launch({
  executablePath: process.env.RADICULA_CHROMIUM || "/usr/bin/chromium",
  args: ["--headless=new", "--no-sandbox"],
});
const page = await browser.newPage();
for (const [source, size, out] of [["icon.svg", 192, "icon-192.png"], ["icon.svg", 512, "icon-512.png"],
                                   ["icon-maskable.svg", 512, "icon-maskable-512.png"]]) {
  const svg = fs.readFileSync(path.join(web, source), "utf8");
  await page.setViewport({width: size, height: size, deviceScaleFactor: 1});
  await page.setContent(`<html><body style="margin:0;background:transparent">
    <img style="display:block;width:${size}px;height:${size}px"
         src="data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}"></body></html>`);
  await page.evaluate(() => document.querySelector("img").decode());
  await page.screenshot({path: path.join(web, out), omitBackground: true,
                         clip: {x: 0, y: 0, width: size, height: size}});
  console.log(`web/${out}: ${size}x${size} from web/${source}`);
}
await browser.close();
