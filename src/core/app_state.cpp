#include "core/app_state.h"

#include <algorithm>

namespace radicula::core {

namespace {

const std::vector<std::string> kViews = {"side", "posterior", "axial", "foramen", "front", "leg"};

bool validIndex(const AppState& s, int i) {
  return i >= 0 && i < static_cast<int>(s.scenario.pathologies.size());
}

// The views follow the lesion: its level for the axial slab and the foramen, its side for the
// side, foramen and leg views (a lesion on both sides keeps the side already shown).
void focusOn(AppState& s, const Pathology& p) {
  if (p.isSpinal()) s.view.focusLevel = p.level;
  if (p.side == SideSpec::Left) s.view.focusSide = Side::Left;
  if (p.side == SideSpec::Right) s.view.focusSide = Side::Right;
}

Pathology clamped(Pathology p) {
  p.severity = std::clamp(p.severity, 0.0f, 1.0f);
  return p;
}

}  // namespace

std::string_view toString(Mode mode) {
  return mode == Mode::Patient ? "patient" : "student";
}
std::string_view toString(Language language) {
  return language == Language::English ? "en" : "es";
}

std::optional<Mode> parseMode(std::string_view text) {
  if (text == "patient") return Mode::Patient;
  if (text == "student") return Mode::Student;
  return std::nullopt;
}

std::optional<Language> parseLanguage(std::string_view text) {
  if (text == "en") return Language::English;
  if (text == "es") return Language::Spanish;
  return std::nullopt;
}

Scenario AppState::toScenario() const {
  Scenario out = scenario;
  out.extra["view"] = view.view;
  out.extra["language"] = std::string(toString(language));
  out.extra["mode"] = std::string(toString(mode));
  out.extra["layers"] = {{"skin_opacity", view.skinOpacity}, {"bone_opacity", view.boneOpacity},
                         {"nerves", view.showNerves},        {"skin", view.showSkin},
                         {"bones", view.showBones},          {"discs", view.showDiscs}};
  out.extra["focus"] = {{"level", std::string(core::toString(view.focusLevel))},
                        {"side", std::string(core::toString(view.focusSide))}};
  return out;
}

AppState AppState::fromScenario(const Scenario& scenario) {
  AppState s;
  s.scenario = scenario;
  const auto& x = scenario.extra;
  const auto text = [&](const char* key) -> std::string {
    return x.contains(key) && x[key].is_string() ? x[key].get<std::string>() : "";
  };
  if (std::find(kViews.begin(), kViews.end(), text("view")) != kViews.end())
    s.view.view = text("view");
  if (auto l = parseLanguage(text("language"))) s.language = *l;
  if (auto m = parseMode(text("mode"))) s.mode = *m;
  if (x.contains("layers") && x["layers"].is_object()) {
    const auto& layers = x["layers"];
    const auto number = [&](const char* key, float* out) {
      if (layers.contains(key) && layers[key].is_number()) {
        *out = std::clamp(layers[key].get<float>(), 0.0f, 1.0f);
      }
    };
    const auto flag = [&](const char* key, bool* out) {
      if (layers.contains(key) && layers[key].is_boolean()) *out = layers[key].get<bool>();
    };
    number("skin_opacity", &s.view.skinOpacity);
    number("bone_opacity", &s.view.boneOpacity);
    flag("nerves", &s.view.showNerves);
    flag("skin", &s.view.showSkin);
    flag("bones", &s.view.showBones);
    flag("discs", &s.view.showDiscs);
  }
  // Without a focus of its own, the file's first lesion is what the views show.
  if (!scenario.pathologies.empty()) focusOn(s, scenario.pathologies.front());
  if (x.contains("focus") && x["focus"].is_object()) {
    const auto& f = x["focus"];
    if (f.contains("level") && f["level"].is_string()) {
      if (auto l = parseDiscLevel(f["level"].get<std::string>())) s.view.focusLevel = *l;
    }
    if (f.contains("side") && f["side"].is_string()) {
      if (auto sd = parseSide(f["side"].get<std::string>())) s.view.focusSide = *sd;
    }
  }
  return s;
}

std::string fileStem(const AppState& state) {
  const auto& lesions = state.quiz ? state.quiz->before : state.scenario.pathologies;
  if (lesions.empty()) return "radicula-anatomy";
  const Pathology& p = lesions.front();
  std::string stem = "radicula-";
  stem += p.isSpinal() ? std::string(toString(p.level)) : std::string(toString(p.type));
  std::replace(stem.begin(), stem.end(), '_', '-');
  return stem + "-" + std::string(toString(p.side));
}

AppState applyCommand(const AppState& state, const Command& command) {
  AppState s = state;
  std::visit(
      [&](const auto& c) {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, cmd::AddPathology>) {
          if (s.scenario.pathologies.size() < kMaxPathologies) {
            s.scenario.pathologies.push_back(clamped(c.pathology));
            focusOn(s, c.pathology);
          }
        } else if constexpr (std::is_same_v<T, cmd::AddPathologies>) {
          for (const Pathology& p : c.pathologies) {
            if (s.scenario.pathologies.size() >= kMaxPathologies) break;
            s.scenario.pathologies.push_back(clamped(p));
          }
          if (!c.pathologies.empty()) focusOn(s, c.pathologies.front());
        } else if constexpr (std::is_same_v<T, cmd::RemovePathology>) {
          if (validIndex(s, c.index))
            s.scenario.pathologies.erase(s.scenario.pathologies.begin() + c.index);
        } else if constexpr (std::is_same_v<T, cmd::UpdatePathology>) {
          if (validIndex(s, c.index)) {
            s.scenario.pathologies[c.index] = clamped(c.pathology);
            focusOn(s, c.pathology);
          }
        } else if constexpr (std::is_same_v<T, cmd::ClearPathologies>) {
          s.scenario.pathologies.clear();
        } else if constexpr (std::is_same_v<T, cmd::ReplaceScenario>) {
          s.scenario = c.scenario;
          if (!s.scenario.pathologies.empty()) focusOn(s, s.scenario.pathologies.front());
        } else if constexpr (std::is_same_v<T, cmd::SetView>) {
          if (std::find(kViews.begin(), kViews.end(), c.view) != kViews.end()) s.view.view = c.view;
        } else if constexpr (std::is_same_v<T, cmd::SetFocus>) {
          s.view.focusLevel = c.level;
          s.view.focusSide = c.side;
        } else if constexpr (std::is_same_v<T, cmd::SetLayerOpacity>) {
          const float v = std::clamp(c.opacity, 0.0f, 1.0f);
          if (c.layer == "skin") s.view.skinOpacity = v;
          if (c.layer == "bone") s.view.boneOpacity = v;
        } else if constexpr (std::is_same_v<T, cmd::SetLayerVisible>) {
          if (c.layer == "nerves") s.view.showNerves = c.visible;
          if (c.layer == "skin") s.view.showSkin = c.visible;
          if (c.layer == "bones") s.view.showBones = c.visible;
          if (c.layer == "discs") s.view.showDiscs = c.visible;
        } else if constexpr (std::is_same_v<T, cmd::SetMode>) {
          s.mode = c.mode;
        } else if constexpr (std::is_same_v<T, cmd::SetLanguage>) {
          s.language = c.language;
        } else if constexpr (std::is_same_v<T, cmd::SetLargeText>) {
          s.largeText = c.on;
        } else if constexpr (std::is_same_v<T, cmd::SetReduceMotion>) {
          s.reduceMotion = c.on;
        } else if constexpr (std::is_same_v<T, cmd::SetAxialFromFeet>) {
          s.view.axialFromFeet = c.on;
        } else if constexpr (std::is_same_v<T, cmd::Select>) {
          s.selected = c.node;
        } else if constexpr (std::is_same_v<T, cmd::AskQuiz>) {
          if (!s.quiz) {
            s.quiz = QuizState{};
            s.quiz->before = s.scenario.pathologies;
            s.lastQuizScore.reset();
          }
          s.quiz->question = c.question;
          s.quiz->round.push_back(c.question);
          s.quiz->answer.reset();
          s.scenario.pathologies = {c.question.lesion};
          s.view.focusLevel = c.question.lesion.level;
          s.view.focusSide = c.question.side;
          s.selected.reset();
        } else if constexpr (std::is_same_v<T, cmd::AnswerQuiz>) {
          if (s.quiz && !s.quiz->answered() && c.option >= 0 &&
              c.option < static_cast<int>(s.quiz->question.options.size())) {
            s.quiz->answer = c.option;
            ++s.quiz->asked;
            if (c.option == s.quiz->question.correct) ++s.quiz->right;
          }
        } else if constexpr (std::is_same_v<T, cmd::SetQuizFromView>) {
          s.quizFromView = c.on;
          if (s.quiz && !s.quiz->answered() && !isReverse(s.quiz->question.topic)) {
            s.quiz->question.fromView = c.on;
            if (!s.quiz->round.empty()) s.quiz->round.back().fromView = c.on;
          }
        } else if constexpr (std::is_same_v<T, cmd::SetSymptoms>) {
          setSymptoms(s.scenario, c.pattern);
        } else if constexpr (std::is_same_v<T, cmd::EndQuiz>) {
          if (s.quiz) {
            s.scenario.pathologies = s.quiz->before;
            if (s.quiz->asked > 0) s.lastQuizScore = std::pair{s.quiz->right, s.quiz->asked};
            s.quiz.reset();
          }
        }
      },
      command);
  return s;
}

bool changesLesions(const Command& command) {
  return std::holds_alternative<cmd::AddPathology>(command) ||
         std::holds_alternative<cmd::AddPathologies>(command) ||
         std::holds_alternative<cmd::RemovePathology>(command) ||
         std::holds_alternative<cmd::UpdatePathology>(command) ||
         std::holds_alternative<cmd::ClearPathologies>(command) ||
         std::holds_alternative<cmd::ReplaceScenario>(command) ||
         std::holds_alternative<cmd::SetSymptoms>(command);
}

void History::execute(const Command& command) {
  if (state_.quiz && changesLesions(command)) state_ = applyCommand(state_, cmd::EndQuiz{});
  if (!changesLesions(command)) {
    state_ = applyCommand(state_, command);
    return;
  }
  const auto* update = std::get_if<cmd::UpdatePathology>(&command);
  const bool merges = update != nullptr && update->continuous && lastUpdateIndex_ == update->index;
  AppState next = applyCommand(state_, command);
  if (!merges) {
    undo_.push_back(state_.scenario);
    if (undo_.size() > kMaxUndo) undo_.erase(undo_.begin());
  }
  redo_.clear();
  lastUpdateIndex_ = update != nullptr ? std::optional<int>(update->index) : std::nullopt;
  state_ = std::move(next);
}

void History::undo() {
  if (!canUndo()) return;
  redo_.push_back(state_.scenario);
  state_.scenario = std::move(undo_.back());
  undo_.pop_back();
  lastUpdateIndex_.reset();
}

void History::redo() {
  if (!canRedo()) return;
  undo_.push_back(state_.scenario);
  state_.scenario = std::move(redo_.back());
  redo_.pop_back();
  lastUpdateIndex_.reset();
}

void History::reset(AppState state) {
  state_ = std::move(state);
  undo_.clear();
  redo_.clear();
  lastUpdateIndex_.reset();
}

}  // namespace radicula::core
