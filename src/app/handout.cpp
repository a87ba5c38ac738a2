#include "app/handout.h"

#include <imgui.h>
#include "render/gl_api.h"

#include <algorithm>
#include <cmath>

#include "app/imgui_layer.h"
#include "app/session.h"
#include "io/model_error.h"
#ifndef RADICULA_NO_PDF
#include "io/pdf_writer.h"
#endif
#include "io/png_writer.h"
#include "render/gl_error.h"
#include "render/render_target.h"

namespace radicula::app {

namespace {

// Page geometry in pixels at 300 dpi: 15 mm margins; pictures take up to a third of the page.
constexpr float kMargin = 177.0f;
constexpr float kGutter = 70.0f;
// Body text from 11 pt down to no less than 7.5 pt while it does not fit (1 pt = 300/72 px).
constexpr float kPointPixels = 300.0f / 72.0f;
constexpr float kLargestBody = 11.0f * kPointPixels;
constexpr float kSmallestBody = 7.5f * kPointPixels;

// Print colours: near-black text on white, the red flag's red kept for the red flag alone.
const ImU32 kInk = IM_COL32(25, 25, 28, 255);
const ImU32 kMuted = IM_COL32(95, 98, 105, 255);
const ImU32 kHeading = IM_COL32(20, 70, 140, 255);
const ImU32 kRule = IM_COL32(200, 203, 210, 255);
const ImU32 kRed = IM_COL32(190, 20, 20, 255);            // an emergency, white text on it
const ImU32 kAmber = IM_COL32(250, 170, 30, 255);         // an urgent flag, ink on it
const glm::vec3 kPictureBackground{0.93f, 0.94f, 0.95f};  // linear; a very light grey

ImU32 swatch(const glm::vec3& linear) {
  const auto s = [](float c) { return std::pow(std::clamp(c, 0.0f, 1.0f), 1.0f / 2.2f); };
  return ImGui::ColorConvertFloat4ToU32(ImVec4(s(linear.r), s(linear.g), s(linear.b), 1.0f));
}

// A heading with its paragraphs or bullets: the unit the page flows, never split.
struct Block {
  std::string heading;
  std::vector<std::string> lines;
  bool bullets = false;
  bool small = false;  // sources: smaller, muted
};

struct Measure {
  ImFont* body = nullptr;
  ImFont* bold = nullptr;
  float size = kLargestBody;

  float headingSize() const { return size * 1.18f; }
  float lineGap() const { return size * 0.35f; }
  float indent() const { return size * 1.3f; }
  float textPx(const Block& b) const { return b.small ? size * 0.85f : size; }
  float textHeight(const std::string& text, float width, float px) const {
    return body->CalcTextSizeA(px, FLT_MAX, width, text.c_str()).y;
  }
  float headingHeight() const { return headingSize() * 1.25f + lineGap(); }
  float lineHeight(const Block& b, std::size_t line, float width) const {
    return textHeight(b.lines[line], width - (b.bullets ? indent() : 0.0f), textPx(b)) + lineGap();
  }
  float blockGap() const { return size * 0.8f; }
};

// A piece of a block the page flows: its heading with the first line (a heading never stands
// alone at the foot of a column), or one later line.
struct Unit {
  std::size_t block = 0;
  std::size_t line = 0;
  bool heading = false;
  bool last = false;  // the block's last line: the gap before the next heading follows
};

std::vector<Unit> unitsOf(const std::vector<Block>& blocks) {
  std::vector<Unit> units;
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    for (std::size_t l = 0; l < blocks[b].lines.size(); ++l) {
      units.push_back(
          {b, l, l == 0 && !blocks[b].heading.empty(), l + 1 == blocks[b].lines.size()});
    }
  }
  return units;
}

float unitHeight(const Measure& m, const std::vector<Block>& blocks, const Unit& u, float width) {
  return (u.heading ? m.headingHeight() : 0.0f) + m.lineHeight(blocks[u.block], u.line, width) +
         (u.last ? m.blockGap() : 0.0f);
}

void drawUnit(ImDrawList* draw, const Measure& m, const Block& b, const Unit& u, ImVec2 at,
              float width) {
  if (u.heading) {
    draw->AddText(m.bold, m.headingSize(), at, kHeading, b.heading.c_str());
    at.y += m.headingHeight();
  }
  const float px = m.textPx(b);
  float x = at.x, w = width;
  if (b.bullets) {
    draw->AddCircleFilled(ImVec2(at.x + m.size * 0.35f, at.y + px * 0.55f), px * 0.14f, kInk);
    x += m.indent();
    w -= m.indent();
  }
  draw->AddText(m.body, px, ImVec2(x, at.y), b.small ? kMuted : kInk, b.lines[u.line].c_str(),
                nullptr, w);
}

// The lesions as a reader names them: "Herniated disc, L4/L5, left (extrusion)".
std::vector<std::string> lesionLines(const HandoutContent& c) {
  std::vector<std::string> lines;
  for (const auto& p : c.state->scenario.pathologies) {
    std::string line = c.clinical->get("type." + std::string(core::toString(p.type)));
    if (!line.empty()) {
      line[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(line[0])));
    }
    if (p.isSpinal()) {
      std::string level(core::toString(p.level));
      std::replace(level.begin(), level.end(), '-', '/');
      line += ", " + level;
    }
    line += ", " + c.clinical->get("side." + std::string(core::toString(p.side)));
    line += " (" + c.clinical->get("morphology." + std::string(core::morphologyId(p))) + ")";
    lines.push_back(line);
  }
  return lines;
}

std::vector<Block> textBlocks(const HandoutContent& c) {
  const auto& s = *c.state;
  std::vector<Block> blocks;
  if (!s.scenario.pathologies.empty()) {
    blocks.push_back({c.labels->get("handout.lesions"), lesionLines(c), true});
  }
  // What it means, without the red-flag lines: they stand in the banner at the top.
  Block meaning{c.labels->get("findings.title"), {}, true};
  const auto& lines = s.mode == core::Mode::Patient ? c.texts->patient : c.texts->student;
  const std::string sources = c.clinical->get("student.sources");
  for (const auto& line : lines) {
    const bool flag = std::any_of(c.texts->redFlags.begin(), c.texts->redFlags.end(),
                                  [&](const core::FindingTexts::FlagLine& l) {
                                    return line == l.patient || line == l.student;
                                  });
    if (!flag && line != sources) meaning.lines.push_back(line);
  }
  blocks.push_back(meaning);
  const auto& leaflet = c.texts->leaflet;
  if (!s.scenario.pathologies.empty() && leaflet.size() >= 5) {
    // One "what it is" per kind of lesion, then feel, who, helps, urgent, general signs. When
    // to get help comes first.
    const std::size_t what = leaflet.size() - 5;
    blocks.push_back(
        {c.labels->get("findings.leaflet.urgent"), {leaflet[what + 3], leaflet[what + 4]}});
    Block whatIs{c.labels->get("findings.leaflet.what"), {}};
    for (std::size_t i = 0; i < what; ++i) whatIs.lines.push_back(leaflet[i]);
    blocks.push_back(whatIs);
    blocks.push_back({c.labels->get("findings.leaflet.feel"), {leaflet[what]}});
    blocks.push_back({c.labels->get("findings.leaflet.who"), {leaflet[what + 1]}});
    blocks.push_back({c.labels->get("findings.leaflet.helps"), {leaflet[what + 2]}});
  }
  if (s.mode == core::Mode::Student) blocks.push_back({"", {sources}, false, true});
  return blocks;
}

// Flows the units down two columns; false when they do not all fit above `bottom`.
bool flow(const Measure& m, const std::vector<Block>& blocks, const std::vector<Unit>& units,
          float top, float bottom, float columnWidth, std::vector<HandoutRect>* placed) {
  placed->clear();
  int column = 0;
  float y = top;
  for (const Unit& u : units) {
    const float h = unitHeight(m, blocks, u, columnWidth);
    if (y + h > bottom && y > top) {
      if (++column > 1) return false;
      y = top;
    }
    if (y + h > bottom) return false;
    const float x = kMargin + column * (columnWidth + kGutter);
    placed->push_back({x, y, x + columnWidth, y + h});
    y += h;
  }
  return true;
}

// Left and right marked on a picture, so a patient never wonders which side is theirs.
void orientationMarks(ImDrawList* draw, const Measure& m, const render::OrbitCamera& camera,
                      const HandoutRect& r, const core::TextCatalog& labels) {
  const glm::vec3 right = camera.screenRight(), up = camera.screenUp();
  const auto mark = [&](const glm::vec3& dir, const std::string& text) {
    const glm::vec2 d(glm::dot(dir, right), -glm::dot(dir, up));
    if (glm::length(d) < 0.5f) return;
    const glm::vec2 u = glm::normalize(d);
    const ImVec2 size = m.bold->CalcTextSizeA(m.size, FLT_MAX, 0.0f, text.c_str());
    const float cx = (r.x0 + r.x1) * 0.5f, cy = (r.y0 + r.y1) * 0.5f;
    const float rx = (r.x1 - r.x0) * 0.5f - size.x * 0.5f - 20.0f;
    const float ry = (r.y1 - r.y0) * 0.5f - size.y * 0.5f - 16.0f;
    const float t = std::min(std::abs(u.x) > 1e-4f ? rx / std::abs(u.x) : 1e9f,
                             std::abs(u.y) > 1e-4f ? ry / std::abs(u.y) : 1e9f);
    const ImVec2 at(cx + u.x * t - size.x * 0.5f, cy + u.y * t - size.y * 0.5f);
    draw->AddRectFilled(ImVec2(at.x - 10, at.y - 4), ImVec2(at.x + size.x + 10, at.y + size.y + 4),
                        IM_COL32(255, 255, 255, 230), 8.0f);
    draw->AddText(m.bold, m.size, at, kInk, text.c_str());
  };
  mark(glm::vec3(1, 0, 0), labels.get("orientation.left"));
  mark(glm::vec3(-1, 0, 0), labels.get("orientation.right"));
  mark(glm::vec3(0, 0, 1), labels.get("orientation.anterior"));
  mark(glm::vec3(0, 0, -1), labels.get("orientation.posterior"));
}

}  // namespace

HandoutLayout writeHandout(Session& session, const HandoutContent& c,
                           const std::filesystem::path& file) {
  HandoutLayout layout;
  const auto& s = *c.state;
  const float W = static_cast<float>(kHandoutWidth), H = static_cast<float>(kHandoutHeight);
  const float contentWidth = W - 2 * kMargin;
  const float pictureWidth = (contentWidth - kGutter) * 0.5f;
  const float columnWidth = (contentWidth - kGutter) * 0.5f;

  // Fonts made for print: 2.6 times the screen sizes gives 44 px body text, 11 pt at 300 dpi.
  ImGuiLayer imgui(nullptr, kLargestBody / 17.0f);
  imgui.beginHeadlessFrame(kHandoutWidth, kHandoutHeight);
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  Measure m;
  m.body = ImGui::GetIO().Fonts->Fonts[0];
  m.bold = imgui.titleFont();
  const auto textSize = [&](ImFont* font, float px, const std::string& text, float wrap = 0.0f) {
    return font->CalcTextSizeA(px, FLT_MAX, wrap, text.c_str());
  };

  // --- measuring: every height is known before anything is drawn ---------------------------
  const float titlePx = m.bold->FontSize;  // the bold face's own size: sharp
  const float headerBottom = kMargin + titlePx * 1.35f + 40.0f;
  const float flagPad = 36.0f, flagPx = 12.0f * kPointPixels;
  // The red flags, most urgent first: the banner takes the colour and the words of the most
  // urgent grade (red, "Go to emergency care today"; amber, "See a doctor now").
  std::vector<core::RedFlag> flags = c.findings->redFlags;
  std::stable_sort(flags.begin(), flags.end(), [](const core::RedFlag& a, const core::RedFlag& b) {
    return a.urgency > b.urgency;
  });
  const bool student = s.mode == core::Mode::Student;
  std::vector<std::string> flagLines;
  for (const auto& flag : flags) {
    const std::string prefix = flag.urgency != flags.front().urgency
                                   ? core::urgencyAction(flag.urgency, student, *c.clinical) + " — "
                                   : std::string();
    flagLines.push_back(prefix + core::redFlagTitle(flag, *c.clinical) + ": " +
                        (student ? core::redFlagReason(flag, *c.clinical) + ". " : std::string()) +
                        core::redFlagText(flag, *c.clinical));
  }
  const bool emergency = !flags.empty() && flags.front().urgency == core::Urgency::Emergency;
  const ImU32 flagFill = emergency ? kRed : kAmber;
  const ImU32 flagInk = emergency ? IM_COL32_WHITE : kInk;
  const std::string flagHead =
      flags.empty()
          ? std::string()
          : "!  " + (student ? c.labels->get("findings.red_flag") + ": " : std::string()) +
                core::urgencyAction(flags.front().urgency, student, *c.clinical);
  float flagHeight = 0.0f;
  if (!flagLines.empty()) {
    flagHeight = textSize(m.bold, flagPx * 1.15f, flagHead, contentWidth - 2 * flagPad).y +
                 flagPx * 0.15f + flagPad * 2;
    for (const auto& l : flagLines) {
      flagHeight += textSize(m.body, flagPx, l, contentWidth - 2 * flagPad).y + 12.0f;
    }
  }
  const float picturesTop = headerBottom + (flagLines.empty() ? 0.0f : flagHeight + 40.0f);
  const float captionPx = 10.0f * kPointPixels;
  const float captionHeight = captionPx * 1.6f;
  // Legend items: the glow, the lit regions and each kind of lesion shown.
  struct LegendItem {
    ImU32 colour;
    std::string text;
  };
  std::vector<LegendItem> legend = {
      {swatch(palette::kGlow), c.labels->get("handout.legend.affected")},
      {swatch(palette::kRegion), c.labels->get("handout.legend.region")}};
  std::vector<core::PathologyType> types;
  for (const auto& p : s.scenario.pathologies) {
    if (std::find(types.begin(), types.end(), p.type) != types.end()) continue;
    types.push_back(p.type);
    std::string name = c.clinical->get("type." + std::string(core::toString(p.type)));
    if (!name.empty()) {
      name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    }
    legend.push_back({swatch(glm::vec3(lesionColor(p.type))), name});
  }
  const float legendBox = 9.0f * kPointPixels, legendPx = 10.0f * kPointPixels;
  int legendRows = 1;
  {
    float x = kMargin;
    for (const auto& item : legend) {
      const float w = legendBox + 20.0f + textSize(m.body, legendPx, item.text).x;
      if (x + w > W - kMargin) {
        x = kMargin;
        ++legendRows;
      }
      x += w + 60.0f;
    }
  }
  const float notePx = 9.0f * kPointPixels;
  const float belowPictures =
      24.0f + notePx * 2.6f + legendPx * 1.6f * (legendRows - 1) + legendPx * 2.2f + 40.0f;
  const std::string notice = c.clinical->get("app.disclaimer");
  const float noticePx = 10.0f * kPointPixels;
  const float noticeHeight = textSize(m.body, noticePx, notice, contentWidth).y + 60.0f;
  layout.notice = {kMargin, H - kMargin - noticeHeight, W - kMargin, H - kMargin};

  // The text flows in two columns above the notice. Long texts first take room from the
  // pictures, then are set smaller, down to 7.5 pt; nothing is ever cut.
  const std::vector<Block> blocks = textBlocks(c);
  const std::vector<Unit> units = unitsOf(blocks);
  float pictureHeight = 0.0f, textTop = 0.0f;
  for (const float ph : {1050.0f, 900.0f, 760.0f}) {
    const float minimum = ph > 800.0f ? 9.0f * kPointPixels : kSmallestBody;
    textTop = picturesTop + captionHeight + ph + belowPictures;
    for (m.size = kLargestBody; m.size >= minimum - 0.01f; m.size -= 0.25f * kPointPixels) {
      layout.fits =
          flow(m, blocks, units, textTop, layout.notice.y0 - 30.0f, columnWidth, &layout.blocks);
      if (layout.fits) break;
    }
    pictureHeight = ph;
    if (layout.fits) break;
  }
  if (!layout.fits) {
    // Cannot happen with Radicula's own texts (tested for every classic case, language and
    // mode); refuse rather than print a page with words missing.
    throw io::ModelError(file, "the handout's text does not fit on one page");
  }
  layout.fontPixels = m.size;

  // --- the pictures: where it presses (the axial slice for a spinal lesion, the whole side for
  // a nerve in the leg) and where it may be felt (the leg of the side in focus) --------------
  const bool spinal = std::any_of(s.scenario.pathologies.begin(), s.scenario.pathologies.end(),
                                  [](const core::Pathology& p) { return p.isSpinal(); });
  const std::string lesionView = s.scenario.pathologies.empty() ? "" : spinal ? "axial" : "side";
  render::RenderTarget lesionPicture(static_cast<int>(pictureWidth),
                                     static_cast<int>(pictureHeight), 0);
  render::RenderTarget regionPicture(static_cast<int>(pictureWidth),
                                     static_cast<int>(pictureHeight), 0);
  session.renderViewInto(lesionView, lesionPicture, kPictureBackground);
  render::OrbitCamera lesionCamera = session.view().camera;
  if (!lesionView.empty()) {
    lesionCamera = makeViewPreset(session.view().scene(), lesionView, pictureWidth / pictureHeight,
                                  viewOptions(s.view))
                       .camera;
  }
  session.renderViewInto("leg", regionPicture, kPictureBackground);

  // --- drawing -------------------------------------------------------------------------------
  const std::string title = c.labels->get("handout.title");
  draw->AddText(m.bold, titlePx, ImVec2(kMargin, kMargin), kInk, title.c_str());
  draw->AddText(m.body, 13.0f * kPointPixels,
                ImVec2(kMargin + textSize(m.bold, titlePx, title).x + 40.0f,
                       kMargin + titlePx - 16.0f * kPointPixels),
                kMuted, c.labels->get("handout.subtitle").c_str());
  draw->AddLine(ImVec2(kMargin, kMargin + titlePx * 1.35f),
                ImVec2(W - kMargin, kMargin + titlePx * 1.35f), kRule, 3.0f);
  if (!flagLines.empty()) {
    const float y = headerBottom;
    draw->AddRectFilled(ImVec2(kMargin, y), ImVec2(W - kMargin, y + flagHeight), flagFill, 14.0f);
    float ty = y + flagPad;
    draw->AddText(m.bold, flagPx * 1.15f, ImVec2(kMargin + flagPad, ty), flagInk, flagHead.c_str(),
                  nullptr, contentWidth - 2 * flagPad);
    ty += textSize(m.bold, flagPx * 1.15f, flagHead, contentWidth - 2 * flagPad).y + flagPx * 0.15f;
    for (const auto& l : flagLines) {
      draw->AddText(m.body, flagPx, ImVec2(kMargin + flagPad, ty), flagInk, l.c_str(), nullptr,
                    contentWidth - 2 * flagPad);
      ty += textSize(m.body, flagPx, l, contentWidth - 2 * flagPad).y + 12.0f;
    }
    layout.redFlag = {kMargin, y, W - kMargin, y + flagHeight};
    layout.redFlagHead = flagHead;
    layout.redFlagLines = flagLines;
  }
  const auto picture = [&](const render::RenderTarget& target, float x, const std::string& caption,
                           HandoutRect* rect) {
    draw->AddText(m.bold, captionPx * 1.1f, ImVec2(x, picturesTop), kHeading, caption.c_str(),
                  nullptr, pictureWidth);
    const float top = picturesTop + captionHeight;
    // GL textures start at the bottom row: flip v.
    draw->AddImage(
        reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(target.colorTexture())),
        ImVec2(x, top), ImVec2(x + pictureWidth, top + pictureHeight), ImVec2(0, 1), ImVec2(1, 0));
    draw->AddRect(ImVec2(x, top), ImVec2(x + pictureWidth, top + pictureHeight), kRule, 10.0f, 0,
                  3.0f);
    *rect = {x, top, x + pictureWidth, top + pictureHeight};
  };
  const std::string leg =
      c.labels->get(std::string("handout.leg.") + std::string(core::toString(s.view.focusSide)));
  picture(lesionPicture, kMargin, c.labels->get("handout.picture.lesion"), &layout.lesionPicture);
  picture(regionPicture, kMargin + pictureWidth + kGutter,
          c.labels->format("handout.picture.regions", {{"leg", leg}}), &layout.regionPicture);
  if (!lesionView.empty()) orientationMarks(draw, m, lesionCamera, layout.lesionPicture, *c.labels);
  float y = layout.lesionPicture.y1 + 24.0f;
  if (lesionView == "axial") {
    const std::string how =
        c.labels->get(s.view.axialFromFeet ? "handout.picture.mri" : "handout.picture.above");
    draw->AddText(m.body, notePx, ImVec2(kMargin, y), kMuted, how.c_str(), nullptr, pictureWidth);
  }
  y += notePx * 2.6f;
  float x = kMargin;
  for (const auto& item : legend) {
    const float w = legendBox + 20.0f + textSize(m.body, legendPx, item.text).x;
    if (x + w > W - kMargin) {
      x = kMargin;
      y += legendPx * 1.6f;
    }
    draw->AddRectFilled(ImVec2(x, y + 4), ImVec2(x + legendBox, y + 4 + legendBox), item.colour,
                        6.0f);
    draw->AddText(m.body, legendPx, ImVec2(x + legendBox + 20.0f, y), kInk, item.text.c_str());
    x += w + 60.0f;
  }
  y += legendPx * 2.2f;
  draw->AddLine(ImVec2(kMargin, y), ImVec2(W - kMargin, y), kRule, 3.0f);
  for (std::size_t i = 0; i < units.size(); ++i) {
    const Unit& u = units[i];
    drawUnit(draw, m, blocks[u.block], u, ImVec2(layout.blocks[i].x0, layout.blocks[i].y0),
             columnWidth);
    layout.blockTitles.push_back(blocks[u.block].heading);
  }
  draw->AddLine(ImVec2(kMargin, layout.notice.y0), ImVec2(W - kMargin, layout.notice.y0), kRule,
                3.0f);
  const float noticeWidth = textSize(m.body, noticePx, notice, contentWidth).x;
  draw->AddText(m.body, noticePx,
                ImVec2(kMargin + std::max(0.0f, (contentWidth - noticeWidth) * 0.5f),
                       layout.notice.y0 + 30.0f),
                kMuted, notice.c_str(), nullptr, contentWidth);

  render::RenderTarget page(kHandoutWidth, kHandoutHeight, 0);
  page.bindColor();
  glClearColor(1.0f, 1.0f, 1.0f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  imgui.endFrame(kHandoutWidth, kHandoutHeight);
  page.resolve();
  const io::Image image = page.readColor();
  render::checkGl("drawing the handout");
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char ch) { return std::tolower(ch); });
  if (ext == ".pdf") {
#ifdef RADICULA_NO_PDF
    throw io::ModelError(file, "the web version writes the handout as PNG");
#else
    io::writePdfPage(file, image, static_cast<float>(kHandoutDpi));
#endif
  } else {
    io::writePng(file, image);
  }
  return layout;
}

}  // namespace radicula::app
