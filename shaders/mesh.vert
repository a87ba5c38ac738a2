// Transforms anatomy meshes and turns per-vertex skin region weights into one lit intensity,
// so the fragment shader never indexes region arrays.

layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;
layout(location = 2) in float aOcclusion;
layout(location = 3) in uvec4 aRegionIds;
layout(location = 4) in vec4 aRegionWeights;
layout(location = 5) in float aNerveArc;

uniform mat4 uModel;
uniform mat3 uNormalMatrix;
uniform mat4 uViewProj;
uniform vec4 uClipPlane;      // world-space plane; all zero disables clipping
uniform vec4 uClipPlaneBelow; // a second plane that closes a slab (the axial view); all zero: off

// Region intensities per side, indexed by the skin's _REGION_IDS. The side is taken from the
// model-space x (+X is the patient's left), softened over a few millimetres at the midline.
const int kMaxRegions = 32;
uniform float uRegionLeft[kMaxRegions];
uniform float uRegionRight[kMaxRegions];
// Regions the person marked ("Where does it hurt?"), drawn in their own colour.
uniform float uMarkLeft[kMaxRegions];
uniform float uMarkRight[kMaxRegions];
uniform bool uHasRegions;

out vec3 vWorldPos;
out vec3 vNormal;
out float vOcclusion;
out float vRegionIntensity;
out float vMarkIntensity;
out float vNerveArc;
#ifdef RADICULA_NO_CLIP_DISTANCE
out vec2 vClip;  // distances to the two clipping planes: the fragment shader discards below 0
#endif

float regionIntensity(bool left) {
  float sum = 0.0;
  for (int k = 0; k < 4; ++k) {
    int id = int(aRegionIds[k]);
    if (id < kMaxRegions) sum += aRegionWeights[k] * (left ? uRegionLeft[id] : uRegionRight[id]);
  }
  return sum;
}

float markIntensity(bool left) {
  float sum = 0.0;
  for (int k = 0; k < 4; ++k) {
    int id = int(aRegionIds[k]);
    if (id < kMaxRegions) sum += aRegionWeights[k] * (left ? uMarkLeft[id] : uMarkRight[id]);
  }
  return sum;
}

void main() {
  vec4 world = uModel * vec4(aPosition, 1.0);
  vWorldPos = world.xyz;
  vNormal = uNormalMatrix * aNormal;
  vOcclusion = aOcclusion;
  vNerveArc = aNerveArc;
  vRegionIntensity = 0.0;
  vMarkIntensity = 0.0;
  if (uHasRegions) {
    float leftness = smoothstep(-0.004, 0.004, aPosition.x);
    vRegionIntensity = mix(regionIntensity(false), regionIntensity(true), leftness);
    vMarkIntensity = mix(markIntensity(false), markIntensity(true), leftness);
  }
#ifdef RADICULA_NO_CLIP_DISTANCE
  vClip = vec2(dot(uClipPlane, vec4(world.xyz, 1.0)), dot(uClipPlaneBelow, vec4(world.xyz, 1.0)));
#else
  gl_ClipDistance[0] = dot(uClipPlane, vec4(world.xyz, 1.0));
  gl_ClipDistance[1] = dot(uClipPlaneBelow, vec4(world.xyz, 1.0));
#endif
  gl_Position = uViewProj * world;
}
