#include "core/mri_roles.h"

#include <algorithm>

namespace radicula::core::mri {

namespace {

// A negation or a hedge before the second belongs to it too: "facet arthropathy | without
// foraminal narrowing".
std::size_t cutBetween(const std::string& s, std::size_t aEnd, std::size_t bAt) {
  const CueWords& c = cueWords();
  std::size_t cut = std::string::npos;
  for (const auto words : {c.joint, c.breaker, c.causeBefore, c.negation, c.hedge}) {
    const Hit h = findLast(s, words, aEnd, bAt);
    if (h.found() && (cut == std::string::npos || h.at > cut)) cut = h.at;
  }
  return cut;
}

// ---------------------------------------------------------------------------------------------
// What each lesion term of a statement is: a finding, or negated, hedged, a repeat of the term
// before it, what a structure does ("osteophyte narrowing the foramen"), or a cause
// ("stenosis secondary to facet hypertrophy").
// ---------------------------------------------------------------------------------------------

using Spans = std::vector<std::pair<std::size_t, std::size_t>>;

Spans hitsOf(const std::string& s, std::span<const std::string_view> words, std::size_t from,
             std::size_t to) {
  Spans out;
  for (const Hit& h : allHits(s, words, from, to)) out.emplace_back(h.at, h.end);
  return out;
}

// The cues of a statement that are not inside one of `masks` ("not" inside "not excluded").
Spans unmaskedCues(const std::string& s, std::span<const std::string_view> words,
                   const Segment& seg, const Spans& masks) {
  Spans out;
  for (const auto& cue : hitsOf(s, words, seg.from, seg.to)) {
    const bool masked = std::any_of(masks.begin(), masks.end(), [&](const auto& m) {
      return cue.first >= m.first && cue.first < m.second;
    });
    if (!masked) out.push_back(cue);
  }
  return out;
}

// The last of `cues` that starts in [from, to); at one place the longest ("no hay", not "no").
Hit lastIn(const Spans& cues, std::size_t from, std::size_t to) {
  Hit last;
  for (const auto& [at, end] : cues) {
    if (at < from || end > to || (last.found() && at <= last.at && end <= last.end)) continue;
    last = {at, end};
  }
  return last;
}

// Whether what lies between a cue and a term keeps the term in the cue's scope: no new clause
// ("but", "with"), no root verb the cue belongs to ("does not contact the root and …"), no new
// graded finding after a comma or "and" ("no stenosis, mild foraminal narrowing").
bool reaches(const std::string& s, std::size_t cueEnd, std::size_t at) {
  const CueWords& c = cueWords();
  if (at < cueEnd || at - cueEnd > 60) return false;
  if (hasAny(s, c.breaker, cueEnd, at) || hasRootWord(s, cueEnd, at)) return false;
  const Hit joint = findAny(s, c.joint, cueEnd, at);
  return !(joint.found() && hasAny(s, c.positiveGrade, joint.end, at));
}

// A term that goes on the list of the term before it: "no herniation, canal stenosis or
// foraminal narrowing", "sin hernias ni estenosis".
bool continuesList(const std::string& s, std::size_t prevEnd, std::size_t at) {
  const CueWords& c = cueWords();
  return at >= prevEnd && at - prevEnd < 50 && hasAny(s, c.joint, prevEnd, at) &&
         reaches(s, prevEnd, at);
}

// A cue word before the term in its clause, a list going on from a term in scope, or (with
// `after`) a cue right after the term ("… cannot be excluded").
std::vector<bool> scoped(const std::string& s, const Segment& seg,
                         const std::vector<TermHit>& terms,
                         std::span<const std::string_view> before,
                         std::span<const std::string_view> after, const Spans& masks) {
  std::vector<bool> in(terms.size());
  const CueWords& c = cueWords();
  // Each cue list is searched once per statement, then looked up per term.
  const Spans cuesBefore = unmaskedCues(s, before, seg, masks);
  const Spans cuesAfter = unmaskedCues(s, after, seg, masks);
  for (std::size_t k = 0; k < terms.size(); ++k) {
    const std::size_t from = k == 0 ? seg.from : terms[k - 1].end;
    const Hit cue = lastIn(cuesBefore, from, terms[k].at);
    in[k] = (cue.found() && reaches(s, cue.end, terms[k].at)) ||
            (k > 0 && in[k - 1] && continuesList(s, terms[k - 1].end, terms[k].at));
    if (in[k] || cuesAfter.empty()) continue;
    // After the term, up to the next term or the next clause or list item.
    std::size_t limit = k + 1 < terms.size() ? terms[k + 1].at : seg.to;
    if (const Hit stop = findAny(s, c.joint, terms[k].end, limit); stop.found()) limit = stop.at;
    if (const Hit stop = findAny(s, c.breaker, terms[k].end, limit); stop.found()) limit = stop.at;
    in[k] = lastIn(cuesAfter, terms[k].end, limit).found();
  }
  return in;
}

// "hernia discal extruida", "osteophyte spur": two words for one finding.
void markRepeats(const std::string& s, const std::vector<TermHit>& terms, Roles* r) {
  const auto kind = [](Term t) {
    return isDiscTerm(t) ? 0 : t <= Term::FacetHypertrophy ? 1 : static_cast<int>(t);
  };
  // How specific a disc word is: the more specific names the finding.
  const auto rank = [](Term t) { return t == Term::Herniation ? -1 : static_cast<int>(t); };
  const CueWords& c = cueWords();
  for (std::size_t k = 1; k < terms.size(); ++k) {
    const TermHit& a = terms[k - 1];
    const TermHit& b = terms[k];
    if (kind(a.term) != kind(b.term) || b.at - a.end > 40) continue;
    if (hasAny(s, c.joint, a.end, b.at) || hasAny(s, c.breaker, a.end, b.at)) continue;
    if (hasRootWord(s, a.end, b.at) || hasAny(s, c.causeBefore, a.end, b.at)) continue;
    if (isDiscTerm(a.term) && rank(a.term) < rank(b.term)) {
      r->repeat[k - 1] = true;
    } else {
      r->repeat[k] = true;
    }
  }
}

bool isStructure(Term t) {
  return isDiscTerm(t) || t == Term::Osteophyte || t == Term::FacetHypertrophy;
}

// "Osteophyte narrowing the left lateral recess", "spur encroaching on the foramen": the
// narrowing is what the structure does, so it is read with it.
void markEffects(const std::string& s, const std::vector<TermHit>& terms, Roles* r) {
  const CueWords& c = cueWords();
  for (std::size_t k = 1; k < terms.size(); ++k) {
    if (terms[k].term != Term::Stenosis) continue;
    std::size_t p = k - 1;
    while (p > 0 && r->repeat[p]) --p;
    if (!isStructure(terms[p].term) || hasAny(s, c.breaker, terms[p].end, terms[k].at)) continue;
    std::size_t q = terms[k].end;
    while (q < s.size() && s[q] == ' ') ++q;
    const bool object =
        std::any_of(c.narrowingObject.begin(), c.narrowingObject.end(),
                    [&](std::string_view o) { return s.compare(q, o.size(), o) == 0; });
    const bool verb =
        s.compare(terms[k].at, 6, "encroa") == 0 || s.compare(terms[k].at, 7, "narrows") == 0;
    r->effect[k] = object || verb;
  }
}

// Causes named after a finding ("stenosis secondary to facet hypertrophy and a disc osteophyte
// complex", "estenosis por abombamiento discal") or before it ("disc bulge and facet
// hypertrophy result in stenosis"): they explain the finding and make no lesion.
void markCauses(const std::string& s, const Segment& seg, const std::vector<TermHit>& terms,
                Roles* r) {
  const CueWords& c = cueWords();
  for (std::size_t k = 0; k < terms.size(); ++k) {
    if (r->cause[k] || (terms[k].term != Term::Stenosis && terms[k].term != Term::Slip)) continue;
    const std::size_t next = k + 1 < terms.size() ? terms[k + 1].at : seg.to;
    const Hit cue = findAny(s, c.causeAfter, terms[k].end, next);
    if (!cue.found() || hasAny(s, c.breaker, terms[k].end, cue.at)) continue;
    // "from L1-2 to L5-S1" is a range of levels, not a cause.
    const auto levels = findLevels(s, cue.end, std::min(seg.to, cue.end + 12));
    if (!levels.empty() && levels.front().at <= cue.end + 1) continue;
    r->causeCue[k] = cue.at;
    std::size_t scopeEnd = seg.to;
    if (const Hit br = findAny(s, c.breaker, cue.end, seg.to); br.found()) scopeEnd = br.at;
    for (std::size_t j = k + 1; j < terms.size() && terms[j].at < scopeEnd; ++j) {
      // "… due to a bulge, and moderate foraminal narrowing": a graded narrowing is new.
      if (terms[j].term == Term::Stenosis &&
          hasAny(s, c.positiveGrade, terms[j - 1].end, terms[j].at))
        break;
      r->cause[j] = true;
    }
  }
  // Causes before: every structure back to the clause start, when a stenosis follows the cue.
  for (const auto& cue : hitsOf(s, c.causeBefore, seg.from, seg.to)) {
    const std::size_t at = cue.first, end = cue.second;
    const auto after =
        std::find_if(terms.begin(), terms.end(), [&](const TermHit& t) { return t.at >= end; });
    if (after == terms.end() || after->term != Term::Stenosis ||
        hasAny(s, c.breaker, end, after->at))
      continue;
    std::size_t clause = seg.from;
    if (const Hit br = findLast(s, c.breaker, seg.from, at); br.found()) clause = br.end;
    for (std::size_t j = 0; j < terms.size(); ++j) {
      if (terms[j].at >= clause && terms[j].end <= at && isStructure(terms[j].term))
        r->cause[j] = true;
    }
  }
}

}  // namespace

Roles classify(const std::string& s, const Segment& seg, const std::vector<TermHit>& terms) {
  const std::size_t n = terms.size();
  Roles r{std::vector<bool>(n),
          std::vector<bool>(n),
          std::vector<bool>(n),
          std::vector<bool>(n),
          std::vector<bool>(n),
          std::vector<bool>(n),
          std::vector<std::size_t>(n, std::string::npos)};
  const CueWords& c = cueWords();
  // A hedge masks the negation words inside it: "cannot exclude", "no se puede descartar".
  Spans hedges = hitsOf(s, c.hedge, seg.from, seg.to);
  const Spans after = hitsOf(s, c.hedgeAfter, seg.from, seg.to);
  hedges.insert(hedges.end(), after.begin(), after.end());
  r.negated = scoped(s, seg, terms, c.negation, c.negationAfter, hedges);
  r.hedged = scoped(s, seg, terms, c.hedge, c.hedgeAfter, {});
  markRepeats(s, terms, &r);
  markEffects(s, terms, &r);
  markCauses(s, seg, terms, &r);
  for (std::size_t k = 0; k < n; ++k) {
    if (r.negated[k]) r.hedged[k] = false;
    // "The extruded fragment …": a disc finding named again.
    const std::size_t back = terms[k].at > 24 ? terms[k].at - 24 : seg.from;
    const Hit a = findLast(s, c.anaphora, std::max(back, seg.from), terms[k].at);
    r.anaphora[k] = isDiscTerm(terms[k].term) && a.found() &&
                    std::count(s.begin() + static_cast<std::ptrdiff_t>(a.end),
                               s.begin() + static_cast<std::ptrdiff_t>(terms[k].at), ' ') <= 2;
  }
  return r;
}

// ---------------------------------------------------------------------------------------------
// The window of text that modifies one finding
// ---------------------------------------------------------------------------------------------

// Between two findings, what follows the last comma, "and" or "with" belongs to the second.
Window windowOf(const std::string& s, const Segment& seg, const std::vector<TermHit>& terms,
                const Roles& r, std::size_t k) {
  Window w;
  std::size_t first = k;
  while (first > 0 && r.repeat[first - 1]) --first;
  w.groupStart = first;
  std::size_t next = k + 1;
  while (next < terms.size() && (r.repeat[next] || r.effect[next])) ++next;
  w.next = next;
  if (first == 0) {
    w.from = seg.from;
  } else {
    const std::size_t cut = cutBetween(s, terms[first - 1].end, terms[first].at);
    w.from = cut != std::string::npos ? cut : terms[first - 1].end;
    if (const Hit cue = findLast(s, cueWords().causeBefore, terms[first - 1].end, terms[first].at);
        cue.found()) {
      w.from = cue.end;
    }
  }
  const std::size_t lastOwn = next - 1;
  if (next < terms.size()) {
    const std::size_t cut = cutBetween(s, terms[lastOwn].end, terms[next].at);
    w.to = cut != std::string::npos ? cut : terms[next].at;
  } else {
    w.to = seg.to;
  }
  if (r.causeCue[k] != std::string::npos) w.to = std::min(w.to, r.causeCue[k]);
  return w;
}

}  // namespace radicula::core::mri
