#include "core/mri_words.h"

namespace radicula::core::mri {

namespace {

// ---------------------------------------------------------------------------------------------
// Lesion terms. Longer phrases first where they contain a shorter one.
// ---------------------------------------------------------------------------------------------
constexpr TermWords kTerms[] = {
    {Term::Osteophyte, "disc-osteophyte"},
    {Term::Osteophyte, "disc osteophyte"},
    {Term::Osteophyte, "disk-osteophyte"},
    {Term::Osteophyte, "disk osteophyte"},
    {Term::Osteophyte, "complejo disco-osteofit"},
    {Term::Osteophyte, "complejo disco osteofit"},
    {Term::Osteophyte, "osteophyt"},
    {Term::Osteophyte, "spur"},
    {Term::Osteophyte, "osteofit"},
    {Term::Osteophyte, "espolon"},
    {Term::FacetHypertrophy, "facet hypertroph"},
    {Term::FacetHypertrophy, "facet joint hypertroph"},
    {Term::FacetHypertrophy, "facet arthropath"},
    {Term::FacetHypertrophy, "facet joint arthropath"},
    {Term::FacetHypertrophy, "facet arthros"},
    {Term::FacetHypertrophy, "facet osteoarthr"},
    {Term::FacetHypertrophy, "hypertrophic facet"},
    {Term::FacetHypertrophy, "hipertrofia facet"},
    {Term::FacetHypertrophy, "hipertrofia de las facet"},
    {Term::FacetHypertrophy, "artrosis facet"},
    {Term::FacetHypertrophy, "artropatia facet"},
    {Term::Sequestration, "sequest"},
    {Term::Sequestration, "free fragment"},
    {Term::Sequestration, "free disc fragment"},
    {Term::Sequestration, "secuestr"},
    {Term::Sequestration, "fragmento libre"},
    {Term::Extrusion, "extru"},
    {Term::Protrusion, "protru"},
    {Term::Bulge, "bulg"},
    {Term::Bulge, "abombamiento"},
    {Term::Bulge, "abombado"},
    {Term::Herniation, "herniat"},
    {Term::Herniation, "hernia"},
    {Term::Herniation, "hnp$"},
    {Term::Herniation, "prolaps"},
    {Term::Stenosis, "stenos"},
    {Term::Stenosis, "stenotic"},
    {Term::Stenosis, "narrow"},
    {Term::Stenosis, "encroach"},
    {Term::Stenosis, "estenosis"},
    {Term::Stenosis, "estrechamiento"},
    {Term::Stenosis, "estrechez"},
    {Term::Stenosis, "estenotic"},
    {Term::Slip, "anterolisthes"},
    {Term::Slip, "spondylolisthes"},
    {Term::Slip, "listhesis"},
    {Term::Slip, "anterolistes"},
    {Term::Slip, "espondilolistes"},
    {Term::Retrolisthesis, "retrolisthes"},
    {Term::Retrolisthesis, "retrolistes"},
    {Term::ParsDefect, "pars defect"},
    {Term::ParsDefect, "pars interarticularis defect"},
    {Term::ParsDefect, "spondylolys"},
    {Term::ParsDefect, "pars fracture"},
    {Term::ParsDefect, "espondilolisis"},
    {Term::ParsDefect, "lisis del istmo"},
    {Term::ParsDefect, "lisis istmica"},
    {Term::NotShown, "annular fissure"},
    {Term::NotShown, "annular tear"},
    {Term::NotShown, "fisura anular"},
    {Term::NotShown, "desgarro anular"},
    {Term::NotShown, "synovial cyst"},
    {Term::NotShown, "quiste sinovial"},
    {Term::NotShown, "schmorl"},
    {Term::NotShown, "modic"},
    {Term::NotShown, "hemangioma"},
    {Term::NotShown, "desiccat"},
    {Term::NotShown, "desecacion"},
    {Term::NotShown, "deshidratacion"},
};

// ---------------------------------------------------------------------------------------------
// Cue words
// ---------------------------------------------------------------------------------------------
constexpr std::string_view kNegation[] = {"no$",
                                          "not$",
                                          "without$",
                                          "w/o$",
                                          "negative for",
                                          "free of",
                                          "absence of",
                                          "absent$",
                                          "no evidence",
                                          "nor$",
                                          "neither$",
                                          "sin$",
                                          "ausencia de",
                                          "no se observa",
                                          "no se aprecia",
                                          "no se identifica",
                                          "no se visualiza",
                                          "no se evidencia",
                                          "no hay",
                                          "no existe",
                                          "descartad",
                                          "se descarta",
                                          "ni$",
                                          "tampoco$"};
constexpr std::string_view kNegationAfter[] = {
    "not seen",       "not identified", "not present", "not demonstrated",
    "not visualized", "not visualised", "is absent",   "are absent",
    "ruled out",      "descartada",     "descartado"};
constexpr std::string_view kHedge[] = {"possibl",          "probabl",
                                       "question",         "equivocal",
                                       "suspect",          "suspicious for",
                                       "suspicion of",     "suggestive of",
                                       "likely$",          "may represent",
                                       "may be$",          "might represent",
                                       "might be$",        "could represent",
                                       "could be$",        "cannot exclude",
                                       "can not exclude",  "cannot rule out",
                                       "can not rule out", "can't exclude",
                                       "indeterminate",    "presum",
                                       "posibl",           "dudos",
                                       "sospech",          "sugestiv",
                                       "sugiere",          "podria",
                                       "pudiera",          "puede corresponder",
                                       "puede tratarse",   "no se puede descartar",
                                       "no se descarta",   "sin poder descartar",
                                       "no descartable",   "no puede descartarse",
                                       "a descartar"};
constexpr std::string_view kHedgeAfter[] = {"cannot be excluded",
                                            "can not be excluded",
                                            "can't be excluded",
                                            "cannot be ruled out",
                                            "can not be ruled out",
                                            "not excluded",
                                            "not be excluded",
                                            "not ruled out",
                                            "is possible",
                                            "is suspected",
                                            "is questioned",
                                            "is questionable",
                                            "is likely",
                                            "is probable",
                                            "no puede descartarse",
                                            "no se puede descartar",
                                            "no se descarta",
                                            "no descartable",
                                            "sin poder descartar",
                                            "a descartar",
                                            "posible$",
                                            "probable$",
                                            "dudosa$",
                                            "dudoso$"};
constexpr std::string_view kHedgeRoot[] = {"may$",    "might$",  "could$",   "possibl",
                                           "probabl", "likely",  "posibl",   "podria",
                                           "puede$",  "pueden$", "question", "dudos"};
constexpr std::string_view kCauseAfter[] = {
    "secondary to",     "due to",           "caused by",      "from$",
    "related to",       "resulting from",   "as a result of", "in relation to",
    "attributable to",  "because of",       "por$",           "debido a",
    "debida a",         "debidos a",        "debidas a",      "secundaria a",
    "secundario a",     "secundarias a",    "secundarios a",  "en relacion con",
    "en relacion a",    "a causa de",       "causada por",    "causado por",
    "condicionada por", "condicionado por", "producida por",  "producido por",
    "originada por"};
constexpr std::string_view kCauseBefore[] = {
    "result in",      "results in",      "resulting in",   "resulted in",    "causing",
    "causes$",        "cause$",          "producing",      "produces",       "leading to",
    "leads to",       "contributing to", "contribute to",  "contributes to", "with resultant",
    "with resulting", "which result",    "que condiciona", "condicionando",  "que produce",
    "produciendo",    "que origina",     "originando",     "que ocasiona",   "ocasionando",
    "que provoca",    "provocando",      "que determina",  "determinando"};
constexpr std::string_view kBreaker[] = {
    "but$",   "however",           "although",  "though$",     "whereas", "while$", "except",
    "with$",  "in the setting of", "pero$",     "sin embargo", "aunque",  "con$",   "excepto",
    "salvo$", "there is",          "there are", "hay$"};
constexpr std::string_view kJoint[] = {",",  "or$", "nor$", "and$", "and/or", "ni$",
                                       "o$", "y$",  "e$",   "y/o",  "/"};
constexpr std::string_view kPositiveGrade[] = {
    "mild",   "moderat", "severe", "marked",    "small",    "large",      "minimal",
    "tiny",   "mod$",    "sev$",   "leve$",     "leves$",   "moderad",    "severa",
    "severo", "grave",   "pequen", "gran$",     "grande",   "importante", "ligera",
    "ligero", "discret", "marcad", "voluminos", "critical", "critica"};
constexpr std::string_view kNarrowingVerb[] = {
    "narrows",    "narrowing the", "narrowing both", "encroach",   "estrecha$",
    "estrechan$", "estrechando",   "disminuye",      "disminuyen", "reduce$",
    "reducen$",   "reduces the",   "obliterat"};
constexpr std::string_view kNarrowingObject[] = {"the ", "into ", "upon ",  "on the ",
                                                 "on ",  "both ", "el ",    "la ",
                                                 "los ", "las ",  "ambos ", "ambas "};
constexpr std::string_view kAnaphora[] = {"the$",  "this$", "that$",  "said$", "el$",
                                          "este$", "esta$", "dicho$", "dicha$"};

// What a lesion does to a root (Pfirrmann 2004), each with the least severity it asks for.
constexpr std::string_view kContactWords[] = {"contact", "abut",  "touch",  "contacta", "contacto",
                                              "roza",    "effac", "indent", "impronta"};
constexpr std::string_view kDisplaceWords[] = {"displac", "deviat", "deflect",
                                               "desplaz", "desvi",  "rechaz"};
constexpr std::string_view kCompressWords[] = {
    "compress", "impinge", "entrap", "trapp",      "compromis",  "compresion", "comprime",
    "comprimi", "atrap",   "pinza",  "compromiso", "compromete", "impact"};
constexpr std::string_view kRootNegation[] = {"no$",    "not$",    "without",  "w/o$",
                                              "sin$",   "nor$",    "ni$",      "doesn't",
                                              "doesnt", "absence", "ausencia", "never$"};
constexpr std::string_view kClauseBreak[] = {",",    ";",  "and$", "with$",
                                             "but$", "y$", "con$", "pero$"};

// A herniation filling the canal (Fardon 2014: canal compromise over two thirds), or a stenosis
// whose roots are crowded together without fluid (Schizas 2010 grade C-D).
constexpr std::string_view kMassive[] = {"occupying most",
                                         "occupies most",
                                         "occupying the majority",
                                         "occupies the majority",
                                         "filling most",
                                         "fills most",
                                         "occupying nearly",
                                         "occupying almost",
                                         "effacing the thecal sac",
                                         "effaces the thecal sac",
                                         "effacing the dural sac",
                                         "complete effacement",
                                         "near-complete effacement",
                                         "near complete effacement",
                                         "total effacement",
                                         "obliterating the thecal sac",
                                         "obliteration of the thecal sac",
                                         "compressing the cauda",
                                         "compresses the cauda",
                                         "compression of the cauda",
                                         "compressing the entire cauda",
                                         "massive",
                                         "ocupa la mayor parte",
                                         "ocupa practicamente",
                                         "ocupa casi",
                                         "ocupa gran parte",
                                         "ocupa la totalidad",
                                         "ocupando la mayor parte",
                                         "comprime la cola de caballo",
                                         "compresion de la cola de caballo",
                                         "comprimiendo la cola de caballo",
                                         "masiva",
                                         "masivo",
                                         "crowding of the cauda",
                                         "crowding of the nerve roots",
                                         "clumping",
                                         "redundant nerve roots",
                                         "sin liquido cefalorraquideo",
                                         "perdida del liquido cefalorraquideo",
                                         "ausencia de liquido cefalorraquideo"};

constexpr std::string_view kModerateToSevere[] = {
    "moderate-to-severe", "moderate to severe", "moderately severe", "moderada a severa",
    "moderada a grave",   "moderada-severa",    "moderado a severo", "moderado-severo"};
constexpr std::string_view kMildToModerate[] = {
    "mild-to-moderate", "mild to moderate", "leve a moderad", "leve-moderad", "ligera a moderada"};
constexpr std::string_view kSevere[] = {
    "severe", "sev$",   "marked",     "critical", "significant",  "large", "severa", "severo",
    "grave",  "marcad", "importante", "critica",  "significativ", "gran$", "grande", "voluminos"};
constexpr std::string_view kModerate[] = {"moderate", "moderad", "mod$"};
constexpr std::string_view kMild[] = {"mild",   "slight", "small",  "minor",  "shallow", "leve$",
                                      "leves$", "ligera", "ligero", "pequen", "discret"};
constexpr std::string_view kMinimal[] = {"minimal", "minimo", "minima", "tiny", "trace"};

}  // namespace

std::span<const TermWords> termWords() {
  return kTerms;
}

const CueWords& cueWords() {
  static const CueWords kCues{
      kNegation,      kNegationAfter,
      kHedge,         kHedgeAfter,
      kHedgeRoot,     kCauseAfter,
      kCauseBefore,   kBreaker,
      kJoint,         kPositiveGrade,
      kNarrowingVerb, kNarrowingObject,
      kAnaphora,      kContactWords,
      kDisplaceWords, kCompressWords,
      kRootNegation,  kClauseBreak,
      kMassive,       {kModerateToSevere, kMildToModerate, kSevere, kModerate, kMild, kMinimal}};
  return kCues;
}

}  // namespace radicula::core::mri
