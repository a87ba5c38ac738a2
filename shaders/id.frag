#version 330 core
// Writes the structure id of each pixel for picking and exact test probes (0 = background).

uniform uint uObjectId;
out uint fragId;

void main() { fragId = uObjectId; }
