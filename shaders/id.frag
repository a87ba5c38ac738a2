// Writes the structure id of each pixel for picking and exact test probes (0 = background).

uniform highp uint uObjectId;
out highp uint fragId;
#ifdef RADICULA_NO_CLIP_DISTANCE
in vec2 vClip;
#endif

void main() {
#ifdef RADICULA_NO_CLIP_DISTANCE
  if (vClip.x < 0.0 || vClip.y < 0.0) discard;
#endif
  fragId = uObjectId;
}
