// Lighting that reads well on a software renderer: a soft key light, hemisphere ambient and a
// rim light, with ambient occlusion baked into the vertices; gamma-correct output.
// Highlights: lit skin regions and a glowing nerve with a pulse travelling distally.
// Written for a software rasteriser (llvmpipe), where this shader is most of a frame's cost and
// every branch runs masked for every pixel: one pow() (a log and an exp polynomial there) for
// the highlight, otherwise only square roots and multiply-adds.

in vec3 vWorldPos;
in vec3 vNormal;
in float vOcclusion;
in float vRegionIntensity;
in float vMarkIntensity;
in float vNerveArc;
#ifdef RADICULA_NO_CLIP_DISTANCE
in vec2 vClip;
#endif

uniform vec4 uBaseColor;       // linear RGB, alpha
uniform float uRoughness;
uniform vec3 uEye;
uniform vec3 uKeyDir;          // toward the key light, world space
uniform vec3 uRegionColor;     // colour of lit skin regions (linear)
uniform vec3 uMarkColor;       // colour of skin regions the person marked (linear)
uniform vec3 uGlowColor;       // colour of an affected nerve (linear)
uniform float uGlow;           // 0 calm … 1 fully affected
uniform float uGlowFromArc;    // the nerve glows distal to this arc (metres)
uniform float uPulseArc;       // phase of the travelling pulses (metres); < 0 disables them
uniform float uSelected;       // 1 for the selected structure: a soft outline tint
uniform bool uCapCut;          // a clipping plane cuts the scene: fill cut solids flat
uniform float uShowThrough;    // > 0: a lesion seen through what covers it, at this opacity

out vec4 fragColor;

// sRGB encoding from three square roots, within 0.3 % of the exact curve above black.
vec3 toSrgb(vec3 linear) {
  vec3 c = clamp(linear, 0.0, 1.0);
  vec3 s1 = sqrt(c);
  vec3 s2 = sqrt(s1);
  vec3 s3 = sqrt(s2);
  return 0.662002687 * s1 + 0.684122060 * s2 - 0.323583601 * s3 - 0.0225411470 * c;
}

void main() {
#ifdef RADICULA_NO_CLIP_DISTANCE
  if (vClip.x < 0.0 || vClip.y < 0.0) discard;
#endif
  vec3 n = normalize(vNormal);
  if (!gl_FrontFacing) n = -n;
  vec3 v = normalize(uEye - vWorldPos);
  vec3 l = uKeyDir;  // unit length from the renderer
  vec3 h = normalize(l + v);

  vec3 base = uBaseColor.rgb;
  float glowHere = 0.0;
  if (uGlow > 0.0 && vNerveArc >= 0.0 && vNerveArc >= uGlowFromArc) {
    glowHere = uGlow;
    if (uPulseArc >= 0.0) {
      // Soft bands every 25 cm riding down every glowing tube from its proximal end, so the
      // light seems to run from the lesion to the leg.
      float d = fract((vNerveArc - uPulseArc) / 0.25) - 0.5;
      float q = max(1.0 - d * d * 62.5, 0.0);  // (1 - d*d/0.016)^4, close to exp(-d*d/0.004)
      q *= q;
      glowHere *= 0.7 + 0.6 * q * q;
    }
    base = mix(base, uGlowColor, clamp(glowHere, 0.0, 1.0));
  }
  float lit = clamp(vRegionIntensity, 0.0, 1.0);
  float mark = clamp(vMarkIntensity, 0.0, 1.0);
  if (mark > 0.0 && lit > 0.05) {
    // Marked and lit: diagonal bands of both colours, so "you marked it" and "this explanation
    // reaches it" read together.
    float stripe = step(0.5, fract((vWorldPos.y - 0.5 * vWorldPos.x) * 70.0));
    mark *= stripe;
    lit *= 1.0 - stripe;
  }
  base = mix(base, uMarkColor, mark * 0.85);
  base = mix(base, uRegionColor, lit * 0.85);

  float diffuse = max(dot(n, l), 0.0);
  float wrap = max((dot(n, l) + 0.35) / 1.35, 0.0);  // softens the terminator
  float shininess = mix(64.0, 4.0, uRoughness);
  float specular = pow(max(dot(n, h), 0.0), shininess) * (1.0 - uRoughness) * 0.35;
  vec3 sky = vec3(0.42, 0.45, 0.50);
  vec3 ground = vec3(0.20, 0.18, 0.16);
  vec3 ambient = mix(ground, sky, 0.5 + 0.5 * n.y) * vOcclusion;
  float edge = 1.0 - max(dot(n, v), 0.0);
  float rim = edge * edge * edge * 0.25;

  vec3 color = base * (ambient + 0.75 * mix(diffuse, wrap, 0.5) * mix(0.6, 1.0, vOcclusion)) +
               vec3(specular) + rim * vec3(0.55, 0.6, 0.7);
  // Glowing nerves and lit skin emit a little so they read through translucent layers.
  color += uGlowColor * glowHere * 0.35 + uRegionColor * lit * 0.25 + uMarkColor * mark * 0.25;
  color = mix(color, vec3(0.25, 0.55, 1.0), uSelected * 0.25);

  // Lit regions stay visible through the x-ray skin: they become nearly opaque.
  float alpha = max(uBaseColor.a, max(lit, mark) * 0.85);

  // Looking through the cut of a closed solid shows its inside faces: painting them flat in
  // the material's colour reads as a solid cross-section (a cap) without extra geometry.
  if (uCapCut && !gl_FrontFacing) {
    color = uBaseColor.rgb * 0.92 + vec3(0.02);
    alpha = 1.0;
  }
  // A lesion behind bone shows through it flatter and faint, so it reads as hidden, not in front.
  if (uShowThrough > 0.0) {
    color = mix(color, base, 0.6);
    alpha = uShowThrough;
  }
  fragColor = vec4(toSrgb(color), alpha);
}
