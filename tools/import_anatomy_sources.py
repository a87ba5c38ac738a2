#!/usr/bin/env python3
"""Import the upstream anatomy surface meshes into compact glTF sources for Radicula.

    python3 tools/import_anatomy_sources.py UPSTREAM_DIR OUT_DIR [--vhf-assembly=bmf|rbdl]
    (normally: /usr/bin/python3 tools/import_anatomy_sources.py \
                   /work/shared/anatomy-sources assets/sources)

--vhf-assembly=rbdl assembles the VHF leg as an RBDL model in its zero pose instead of
reproducing BMFToolkit's segmented geometry (the default, "bmf"); for comparison only, see
assemble_vhf().

UPSTREAM_DIR holds unmodified copies of the upstream files (see its README.md):
  vhm-lumbosacral/  Visible Human Male L1-L5, sacrum, pelvis (OBJ) and discs (hexahedral FE mesh)
  vhf-lower-limb/   Visible Human Female leg bones (OBJ, one local frame each) + model_original.lua
  vh-piriformis/    Visible Human Male/Female piriformis and sacrum (binary STL, millimetres)
  population-mean-l2-l5/  mean L2-L5 of 87 patients (CSV vertices in millimetres, 1-based faces)

OUT_DIR receives
  vhm-lumbosacral.glb  L1..L5, sacrum, pelvis, disc annulus/nucleus per level, both piriformis
  vhf-lower-limb.glb   right hip bone, femur, patella, tibia, fibula, foot bones, sacrum, landmarks
  population-mean-l2-l5.glb  L2..L5 of the 87-patient mean shape, each where the model puts it
  LICENSES/            the upstream licence texts, copied verbatim

Both files are in Radicula's axes: metres, right-handed, +Y up (cranial), +Z anterior, +X the
patient's LEFT. Every mesh is a closed, outward-oriented triangle surface (asserted below), with
float32 VEC3 positions and uint32 indices; nodes carry no transform (landmark nodes carry only a
translation).

Requirements: Debian's python3-numpy and python3-scipy only (apt-get install python3-numpy
python3-scipy). On the development machine `python3` may be a pyenv shim without numpy: run the
script with /usr/bin/python3.

The output is deterministic: the ICP has a fixed initial guess and iteration count, the landmark
fit tries every vertex as a start in a fixed order, and the glTF writer emits JSON in a fixed
order, so running the import twice gives byte-identical files.
"""

import json
import os
import re
import shutil
import struct
import sys

import numpy as np
from scipy.spatial import cKDTree

GENERATOR = 'tools/import_anatomy_sources.py'

# --------------------------------------------------------------------------------------------
# Axis conventions
# --------------------------------------------------------------------------------------------
# Source frames used here are all "+X anterior, +Y the person's left, +Z up" (VHM lumbosacral
# model, and the VHF body frame: front +X, right -Y, up +Z). Radicula wants +X left, +Y up,
# +Z anterior, i.e. x_r = y, y_r = z, z_r = x: a cyclic permutation, so a proper rotation and
# the triangle winding stays outward.
TO_RADICULA = np.array([[0.0, 1.0, 0.0],
                        [0.0, 0.0, 1.0],
                        [1.0, 0.0, 0.0]])

# BMFToolkit writes its OBJ files Y-up; the model (lua) frames are Z-up: (x, y, z) -> (x, -z, y).
OBJ_YUP_TO_ZUP = np.array([[1.0, 0.0, 0.0],
                           [0.0, 0.0, -1.0],
                           [0.0, 1.0, 0.0]])


def to_radicula(P):
    return P @ TO_RADICULA.T


# --------------------------------------------------------------------------------------------
# Readers
# --------------------------------------------------------------------------------------------
def read_obj(path):
    """Vertices (n,3) float64 and triangles (m,3) int64 of a Wavefront OBJ (v and f lines only;
    polygons are fan-triangulated, texture/normal indices ignored)."""
    verts, tris = [], []
    with open(path, 'r', errors='replace') as f:
        for line in f:
            if line.startswith('v '):
                p = line.split()
                verts.append((float(p[1]), float(p[2]), float(p[3])))
            elif line.startswith('f '):
                idx = []
                for tok in line.split()[1:]:
                    i = int(tok.split('/')[0])
                    idx.append(i - 1 if i > 0 else len(verts) + i)
                for k in range(1, len(idx) - 1):
                    tris.append((idx[0], idx[k], idx[k + 1]))
    return np.array(verts, np.float64), np.array(tris, np.int64)


def read_stl_binary(path):
    """Binary STL: welds exactly identical corner coordinates into shared vertices
    (vertices come out in lexicographic order of their coordinates)."""
    with open(path, 'rb') as f:
        data = f.read()
    n = struct.unpack('<I', data[80:84])[0]
    assert len(data) == 84 + 50 * n, f'{path}: not a binary STL of {n} triangles'
    rec = np.dtype([('normal', '<f4', 3), ('corners', '<f4', (3, 3)), ('attr', '<u2')])
    corners = np.frombuffer(data, dtype=rec, count=n, offset=84)['corners']
    soup = corners.reshape(-1, 3).astype(np.float64)
    V, inverse = np.unique(soup, axis=0, return_inverse=True)
    return V, inverse.reshape(-1, 3).astype(np.int64)


def drop_unused_vertices(V, T):
    """Keep only the vertices the triangles use (in their original order) and renumber."""
    used = np.unique(T)
    remap = np.full(len(V), -1, np.int64)
    remap[used] = np.arange(len(used))
    return V[used], remap[T]


# A data-only Lua table ("return { ... }"), as written by BMFToolkit / MeshUp.
_LUA_TOKEN = re.compile(r'''\s*(?:
      (?P<comment>--[^\n]*)
    | (?P<string>"(?:[^"\\]|\\.)*")
    | (?P<number>(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)
    | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
    | (?P<punct>\S))''', re.X)


def parse_lua_table(text):
    """Parse a Lua table constructor into Python lists (array part only) or dicts (keyed part;
    an array part next to keys is kept under '__array')."""
    tokens = []
    for m in _LUA_TOKEN.finditer(text):
        kind = m.lastgroup
        if kind == 'comment':
            continue
        value = m.group(kind)
        if kind == 'string':
            value = value[1:-1]
        elif kind == 'number':
            value = float(value)
        tokens.append((kind, value))
    pos = 0

    def peek(k=0):
        return tokens[pos + k] if pos + k < len(tokens) else (None, None)

    def value():
        nonlocal pos
        kind, v = peek()
        if (kind, v) == ('punct', '{'):
            return table()
        if (kind, v) == ('punct', '-'):
            pos += 1
            return -value()
        pos += 1
        if kind in ('number', 'string'):
            return v
        if kind == 'name' and v in ('true', 'false', 'nil'):
            return {'true': True, 'false': False, 'nil': None}[v]
        raise ValueError(f'unexpected Lua token {v!r}')

    def table():
        nonlocal pos
        pos += 1  # '{'
        array, keyed = [], {}
        while True:
            kind, v = peek()
            if (kind, v) == ('punct', '}'):
                pos += 1
                break
            if kind == 'punct' and v in ',;':
                pos += 1
            elif kind == 'name' and peek(1) == ('punct', '='):
                pos += 2
                keyed[v] = value()
            elif (kind, v) == ('punct', '['):
                pos += 1
                key = value()
                assert peek() == ('punct', ']') and peek(1) == ('punct', '=')
                pos += 2
                keyed[key] = value()
            else:
                array.append(value())
        if keyed and array:
            keyed['__array'] = array
        return keyed if keyed else array

    if peek() == ('name', 'return'):
        pos += 1
    return value()


# --------------------------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------------------------
def signed_volume(V, T):
    a, b, c = V[T[:, 0]], V[T[:, 1]], V[T[:, 2]]
    return float(np.einsum('ij,ij->i', a, np.cross(b, c)).sum() / 6.0)


def assert_closed_outward(name, V, T):
    """Every undirected edge is used by exactly two triangles, in opposite directions (so each
    directed edge occurs once and its reverse occurs once), no triangle repeats a vertex, and
    the enclosed signed volume is positive (outward winding)."""
    n = len(V)
    assert len(T) > 0, f'{name}: no triangles'
    assert not ((T[:, 0] == T[:, 1]) | (T[:, 1] == T[:, 2]) | (T[:, 2] == T[:, 0])).any(), \
        f'{name}: triangle with a repeated vertex'
    half = np.concatenate([T[:, [0, 1]], T[:, [1, 2]], T[:, [2, 0]]])
    directed = half[:, 0] * n + half[:, 1]
    reverse = half[:, 1] * n + half[:, 0]
    directed_sorted = np.sort(directed)
    assert (np.diff(directed_sorted) != 0).all(), f'{name}: a directed edge is used twice'
    found = np.searchsorted(directed_sorted, reverse)
    found = np.minimum(found, len(directed_sorted) - 1)
    assert (directed_sorted[found] == reverse).all(), f'{name}: open (an edge has one triangle)'
    vol = signed_volume(V.astype(np.float64), T)
    assert vol > 0, f'{name}: signed volume {vol} is not positive (inward winding)'
    return vol


# --------------------------------------------------------------------------------------------
# glTF 2.0 binary writer
# --------------------------------------------------------------------------------------------
class GlbWriter:
    """Collects meshes (float32 positions + uint32 indices, one buffer) and plain nodes."""

    def __init__(self, copyright_text):
        self.copyright = copyright_text
        self.nodes, self.meshes, self.accessors, self.views = [], [], [], []
        self.blob = bytearray()
        self.stats = []

    def _view(self, data, target):
        assert len(self.blob) % 4 == 0
        self.views.append({'buffer': 0, 'byteOffset': len(self.blob), 'byteLength': len(data),
                           'target': target})
        self.blob += data
        self.blob += b'\0' * (-len(self.blob) % 4)
        return len(self.views) - 1

    def add_mesh_node(self, name, V, T, extras=None):
        P = np.ascontiguousarray(V, dtype='<f4')
        I = np.ascontiguousarray(T, dtype='<u4')
        # Check the surface as it is stored (float32), not only as it was computed.
        vol = assert_closed_outward(name, P, T)
        pos_view = self._view(P.tobytes(), 34962)   # ARRAY_BUFFER
        idx_view = self._view(I.tobytes(), 34963)   # ELEMENT_ARRAY_BUFFER
        self.accessors.append({'bufferView': pos_view, 'componentType': 5126, 'count': len(P),
                               'type': 'VEC3', 'min': [float(x) for x in P.min(0)],
                               'max': [float(x) for x in P.max(0)]})
        self.accessors.append({'bufferView': idx_view, 'componentType': 5125,
                               'count': int(I.size), 'type': 'SCALAR'})
        self.meshes.append({'name': name, 'primitives': [{
            'attributes': {'POSITION': len(self.accessors) - 2},
            'indices': len(self.accessors) - 1, 'mode': 4}]})
        node = {'name': name, 'mesh': len(self.meshes) - 1}
        if extras:
            node['extras'] = extras
        self.nodes.append(node)
        self.stats.append((name, len(P), len(I), vol))   # vertices, triangles, volume

    def add_point_node(self, name, translation, extras=None):
        node = {'name': name, 'translation': [float(x) for x in translation]}
        if extras:
            node['extras'] = extras
        self.nodes.append(node)

    def write(self, path):
        doc = {
            'asset': {'version': '2.0', 'generator': GENERATOR, 'copyright': self.copyright},
            'scene': 0,
            'scenes': [{'nodes': list(range(len(self.nodes)))}],
            'nodes': self.nodes,
            'meshes': self.meshes,
            'accessors': self.accessors,
            'bufferViews': self.views,
            'buffers': [{'byteLength': len(self.blob)}],
        }
        js = json.dumps(doc, separators=(',', ':'), ensure_ascii=True).encode('ascii')
        js += b' ' * (-len(js) % 4)
        binary = bytes(self.blob)
        total = 12 + 8 + len(js) + 8 + len(binary)
        with open(path, 'wb') as f:
            f.write(struct.pack('<4sII', b'glTF', 2, total))
            f.write(struct.pack('<I4s', len(js), b'JSON'))
            f.write(js)
            f.write(struct.pack('<I4s', len(binary), b'BIN\0'))
            f.write(binary)


# --------------------------------------------------------------------------------------------
# VHM lumbosacral: bones, discs
# --------------------------------------------------------------------------------------------
VHM_BONES = [('L1', 'L1_Schrumpfverpacken.obj'), ('L2', 'L2_Schrumpfverpacken.obj'),
             ('L3', 'L3_Schrumpfverpacken.obj'), ('L4', 'L4_Schrumpfverpacken.obj'),
             ('L5', 'L5_Schrumpfverpacken.obj'), ('sacrum', 'S1_Schrumpfverpacken.obj'),
             ('pelvis', 'Pelvis.obj')]
DISC_LEVELS = [('L1-L2', 'L12'), ('L2-L3', 'L23'), ('L3-L4', 'L34'), ('L4-L5', 'L45'),
               ('L5-S1', 'L51')]
DISC_PARTS = ['NP', 'AN_R1', 'AN_R2', 'AN_R3', 'AN_R4']   # nucleus, annulus rings inner->outer

# Faces of an 8-node hexahedron in VTK / Abaqus C3D8 order (0-3 one end, 4-7 the other),
# each listed so that its normal points out of a positive-volume element.
HEX_FACES = np.array([(0, 3, 2, 1), (4, 5, 6, 7), (0, 1, 5, 4),
                      (1, 2, 6, 5), (2, 3, 7, 6), (3, 0, 4, 7)])


def read_disc(disc_dir, code):
    """All nodes of one disc (id -> xyz, shared between its parts) and the hexahedra of each
    part. .node rows: id x y z. .elem rows: 8 node ids, 5 flag columns, element id last."""
    nodes = {}
    hexes = {}
    for part in DISC_PARTS:
        A = np.loadtxt(os.path.join(disc_dir, f'{code}_{part}.node'), ndmin=2)
        for i, xyz in zip(A[:, 0].astype(np.int64).tolist(), A[:, 1:4]):
            if i in nodes:
                assert np.array_equal(nodes[i], xyz), f'{code}: node {i} differs between parts'
            nodes[i] = xyz
        E = np.loadtxt(os.path.join(disc_dir, f'{code}_{part}.elem'), ndmin=2).astype(np.int64)
        assert E.shape[1] == 14, f'{code}_{part}.elem: expected 14 columns'
        hexes[part] = E[:, :8]
    return nodes, hexes


def hex_boundary_surface(nodes, H):
    """Boundary of a set of hexahedra: the quad faces that belong to exactly one hexahedron,
    each split into two triangles along its shorter diagonal; outward like the elements.
    Returns compact vertices (ordered by node id) and triangles."""
    quads = H[:, HEX_FACES].reshape(-1, 4)
    keys = np.sort(quads, axis=1)
    _, inverse, counts = np.unique(keys, axis=0, return_inverse=True, return_counts=True)
    inverse = inverse.reshape(-1)
    assert counts.max() <= 2, 'a hexahedron face is shared by more than two elements'
    boundary = quads[counts[inverse] == 1]
    ids = np.unique(boundary)
    V = np.array([nodes[i] for i in ids.tolist()], np.float64)
    Q = np.searchsorted(ids, boundary)
    a, b, c, d = Q[:, 0], Q[:, 1], Q[:, 2], Q[:, 3]
    ac = np.linalg.norm(V[a] - V[c], axis=1)
    bd = np.linalg.norm(V[b] - V[d], axis=1)
    use_ac = ac <= bd
    T = np.empty((2 * len(Q), 3), np.int64)
    T[0::2] = np.where(use_ac[:, None], np.stack([a, b, c], 1), np.stack([a, b, d], 1))
    T[1::2] = np.where(use_ac[:, None], np.stack([a, c, d], 1), np.stack([b, c, d], 1))
    return V, T


# --------------------------------------------------------------------------------------------
# Piriformis registration (rigid ICP with the scale fixed at mm -> m)
# --------------------------------------------------------------------------------------------
ICP_SCALE = 0.001
ICP_ITERATIONS = 100
ICP_KEEP = 0.9          # pairs kept per iteration: the closest 90 %
# Measured: the STL world frame maps onto the VHM frame approximately as
# x_vhm = y_stl, y_vhm = x_stl, z_vhm = -z_stl (a proper rotation, det +1).
ICP_R0 = np.array([[0.0, 1.0, 0.0],
                   [1.0, 0.0, 0.0],
                   [0.0, 0.0, -1.0]])


def rigid_icp(src, dst, scale, R, iterations, keep):
    """Point-to-point ICP of src (scaled by a fixed factor) onto the vertices of dst; rotation
    by the Kabsch/Umeyama SVD solution, trimmed to the closest `keep` fraction of pairs."""
    tree = cKDTree(dst)
    S = scale * src
    t = dst.mean(0) - S.mean(0) @ R.T
    for _ in range(iterations):
        d, j = tree.query(S @ R.T + t)
        sel = d <= np.quantile(d, keep)
        A, B = S[sel], dst[j[sel]]
        ca, cb = A.mean(0), B.mean(0)
        U, _, Vt = np.linalg.svd((B - cb).T @ (A - ca))
        D = np.diag([1.0, 1.0, np.sign(np.linalg.det(U @ Vt))])
        R = U @ D @ Vt
        t = cb - ca @ R.T
    d, _ = tree.query(S @ R.T + t)
    trimmed = np.sort(d)[:int(np.ceil(keep * len(d)))]
    residual = {'rms_trimmed_m': float(np.sqrt((trimmed ** 2).mean())),
                'rms_all_m': float(np.sqrt((d ** 2).mean())),
                'median_m': float(np.median(d)), 'max_m': float(d.max())}
    return R, t, residual


# --------------------------------------------------------------------------------------------
# VHF lower limb: lua frames, landmark-fitted origins
# --------------------------------------------------------------------------------------------
# How BMFToolkit (manishsreenivasa/BMFToolkit @ e3e781e: core/fnc_joints/fnc_jointCoord_*.m,
# core/fnc_general/fnc_updateJointAxes.m, fnc_getLuaStruct.m, fnc_exportObj.m) wrote the files:
#  - OBJ vertices = vertices_global - median(vertices_global), then Y-up: the mesh keeps the
#    GLOBAL orientation (it is not rotated into the body frame); its origin is the bone's median.
#  - landmarks ("points") = vertices_global(index) - joint centre: global orientation as well.
#  - E = R_child^T R_parent (the joint axes; consistent with RBDL's R_child = R_parent E^T).
#  - r: for Sacrum, Pelvis and Femur  r = R_parent^T c - o_parent  (c = global joint centre);
#       for every other body          r = c - o_parent.
#  - visuals.mesh_center is a hand-tuned display offset (fractions of the bone's extent), not
#    a measured position.
# So the segmented geometry is recovered by translating each bone to its global joint centre
# without rotating it ("bmf", the default). Assembling instead as an RBDL model in its zero pose
# (R_child = R_parent E^T, o_child = o_parent + R_parent r, meshes rotated by R_child; "rbdl")
# turns every mesh by its joint axes (sacrum and hip bone 11.6 degrees, femur 19, tibia 20,
# talus 47, foot 20) and shifts the origins; the femoral head then sits 14 mm off the
# acetabulum's centre (3.6 mm with "bmf") and 530 vertices end up inside a neighbouring bone
# (41 with "bmf", all between forefoot bones).
ORIGIN_FROM_ROTATED_R = {'Sacrum', 'PelvisR', 'PelvisL', 'FemurR', 'FemurL'}

# Node names. The five meshes marked below carry upstream names shifted by one toe: their
# positions (each continues the ray of a proximal phalanx at < 3 mm) and sizes show that
# "SecondMidPhalanx" is the hallux's distal phalanx, "ThirdMid".."FifthMid" are the middle
# phalanges of toes 2..4 and "FirstDistPhalanx" is the fifth toe's middle phalanx.
_ORD = ['First', 'Second', 'Third', 'Fourth', 'Fifth']
FOOT_BONES = [('Talus', 'talus'), ('Calcaneus', 'calcaneus'), ('Navicular', 'navicular'),
              ('Cuboid', 'cuboid'), ('MedialCuneiform', 'medial_cuneiform'),
              ('IntermediateCuneiform', 'intermediate_cuneiform'),
              ('LateralCuneiform', 'lateral_cuneiform')]
FOOT_BONES += [(f'{o}Metatarsal', f'{o.lower()}_metatarsal') for o in _ORD]
FOOT_BONES += [(f'{o}ProxPhalanx', f'{o.lower()}_proximal_phalanx') for o in _ORD]
FOOT_BONES += [('ThirdMidPhalanx', 'second_middle_phalanx'),      # renamed (see above)
               ('FourthMidPhalanx', 'third_middle_phalanx'),      # renamed
               ('FifthMidPhalanx', 'fourth_middle_phalanx'),      # renamed
               ('FirstDistPhalanx', 'fifth_middle_phalanx'),      # renamed
               ('SecondMidPhalanx', 'first_distal_phalanx')]      # renamed
FOOT_BONES += [(f'{o}DistPhalanx', f'{o.lower()}_distal_phalanx') for o in _ORD[1:]]
VHF_BODIES = ([('Sacrum', 'sacrum'), ('PelvisR', 'pelvis.right'), ('FemurR', 'femur.right'),
               ('PatellaR', 'patella.right'), ('TibiaR', 'tibia.right'),
               ('FibulaR', 'fibula.right')]
              + [(f'{lua}R', f'foot.right.{snake}') for lua, snake in FOOT_BONES])
# Bodies whose origin is not the median of their vertices (BMFToolkit's joint centres): their
# OBJ must be shifted; all other foot bones have their origin at the median (shift 0).
JOINT_CENTRE_BODIES = {'Sacrum', 'PelvisR', 'FemurR', 'PatellaR', 'TibiaR', 'FibulaR',
                       'TalusR', 'CalcaneusR'}
LANDMARK_FIT_MAX_RMS = 0.5e-3   # landmarks are mesh vertices: a right fit puts them on vertices

# Bones that articulate (or lie side by side): after assembly their surfaces must come within
# ARTICULATION_MAX_GAP of each other (checks the frames, the origins and the toe names).
ARTICULATIONS = [
    ('sacrum', 'pelvis.right'), ('femur.right', 'pelvis.right'), ('femur.right', 'tibia.right'),
    ('patella.right', 'femur.right'), ('fibula.right', 'tibia.right'),
    ('foot.right.talus', 'tibia.right'), ('foot.right.talus', 'fibula.right'),
    ('foot.right.talus', 'foot.right.calcaneus'), ('foot.right.talus', 'foot.right.navicular'),
    ('foot.right.cuboid', 'foot.right.calcaneus'), ('foot.right.cuboid', 'foot.right.navicular'),
    ('foot.right.medial_cuneiform', 'foot.right.navicular'),
    ('foot.right.intermediate_cuneiform', 'foot.right.navicular'),
    ('foot.right.lateral_cuneiform', 'foot.right.navicular'),
    ('foot.right.first_metatarsal', 'foot.right.medial_cuneiform'),
    ('foot.right.second_metatarsal', 'foot.right.intermediate_cuneiform'),
    ('foot.right.third_metatarsal', 'foot.right.lateral_cuneiform'),
    ('foot.right.fourth_metatarsal', 'foot.right.cuboid'),
    ('foot.right.fifth_metatarsal', 'foot.right.cuboid'),
] + [(f'foot.right.{o}_proximal_phalanx', f'foot.right.{o}_metatarsal')
     for o in ('first', 'second', 'third', 'fourth', 'fifth')] + [
    ('foot.right.first_distal_phalanx', 'foot.right.first_proximal_phalanx'),
] + [pair for o in ('second', 'third', 'fourth', 'fifth') for pair in (
    (f'foot.right.{o}_middle_phalanx', f'foot.right.{o}_proximal_phalanx'),
    (f'foot.right.{o}_distal_phalanx', f'foot.right.{o}_middle_phalanx'))]
ARTICULATION_MAX_GAP = 5e-3


def orthonormalize(E):
    """Nearest rotation (the lua rotations are printed with 6 decimals: errors ~1e-6)."""
    U, _, Vt = np.linalg.svd(E)
    R = U @ Vt
    assert np.linalg.det(R) > 0 and np.abs(R - E).max() < 1e-4
    return R


def fit_translation_to_landmarks(P, L, iterations=30):
    """Translation s such that the landmarks L lie on the vertices of P + s. Every vertex is
    tried as the match of the first landmark; each start is refined by alternating nearest-
    vertex matching and mean offset; the start with the lowest RMS wins (first on ties)."""
    tree = cKDTree(P)
    s = L[0][None, :] - P                       # one candidate per vertex
    for _ in range(iterations):
        _, j = tree.query(L[None, :, :] - s[:, None, :])
        s = (L[None, :, :] - P[j]).mean(1)
    d, _ = tree.query(L[None, :, :] - s[:, None, :])
    rms = np.sqrt((d ** 2).mean(1))
    best = int(np.argmin(rms))
    return s[best], float(rms[best])


def assemble_vhf(vhf_dir, convention='bmf'):
    with open(os.path.join(vhf_dir, 'model_original.lua')) as f:
        model = parse_lua_table(f.read())
    frames = {}
    for fr in model['frames']:
        jf = fr.get('joint_frame', {})
        frames[fr['name']] = dict(parent=fr['parent'],
                                  r=np.array(jf.get('r', [0, 0, 0]), np.float64),
                                  E=np.array(jf.get('E', np.eye(3).tolist()), np.float64),
                                  visual=fr['visuals'][0])
    landmarks = {}
    for p in model['points']:
        landmarks.setdefault(p['body'], []).append((p['name'], np.array(p['point'], np.float64)))

    poses = {}

    def pose(name):
        """Global rotation R (the joint axes, R_child = R_parent E^T) and origin o of a body."""
        if name not in poses:
            fr = frames[name]
            Rp, op = (np.eye(3), np.zeros(3)) if fr['parent'] == 'ROOT' else pose(fr['parent'])
            R = Rp @ orthonormalize(fr['E']).T
            if convention == 'rbdl':
                o = op + Rp @ fr['r']
            elif name in ORIGIN_FROM_ROTATED_R:
                o = Rp @ (fr['r'] + op)        # undo r = R_parent^T c - o_parent
            else:
                o = op + fr['r']               # r = c - o_parent
            poses[name] = (R, o)
        return poses[name]

    bodies, points, report = [], [], []
    for lua, node in VHF_BODIES:
        fr = frames[lua]
        src = os.path.basename(fr['visual']['src'])
        V, T = read_obj(os.path.join(vhf_dir, src))
        listed = len(V)
        V, T = drop_unused_vertices(V, T)
        P = V @ OBJ_YUP_TO_ZUP.T                  # OBJ Y-up -> model axes (Z up)
        lms = landmarks.get(lua, [])
        L = np.array([x for _, x in lms]).reshape(-1, 3)
        if lua not in JOINT_CENTRE_BODIES:
            shift, how = np.zeros(3), 'median (BMFToolkit foot-bone origin)'
        elif len(lms) >= 2:
            shift, rms = fit_translation_to_landmarks(P, L)
            assert rms < LANDMARK_FIT_MAX_RMS, f'{lua}: landmark fit RMS {rms * 1000:.2f} mm'
            how = f'{len(lms)} landmarks on vertices (RMS {rms * 1000:.3f} mm)'
        else:
            # One landmark: it must be one of the vertices; of those placements take the one
            # nearest to the lua's display placement (bounding-box centre at mesh_center).
            assert len(lms) == 1, lua
            display = np.array(fr['visual']['mesh_center']) - (P.max(0) + P.min(0)) / 2
            candidates = L[0][None, :] - P
            k = int(np.argmin(np.linalg.norm(candidates - display, axis=1)))
            shift = candidates[k]
            how = (f'1 landmark on a vertex, nearest to mesh_center '
                   f'({np.linalg.norm(shift - display) * 1000:.1f} mm from it)')
        for _, x in lms:      # every landmark must sit on the placed mesh
            d = cKDTree(P + shift).query(x)[0]
            assert d < LANDMARK_FIT_MAX_RMS * 2, f'{lua}: landmark {d * 1000:.2f} mm off the mesh'
        R, o = pose(lua)
        if convention == 'rbdl':
            G = (P + shift) @ R.T + o
            Lg = L @ R.T + o
        else:
            G = P + shift + o
            Lg = L + o
        bodies.append((node, to_radicula(G), T, src))
        for (name, _), g in zip(lms, Lg):
            points.append((name, lua, to_radicula(g[None])[0]))
        report.append(dict(node=node, source=src, listed=listed, used=len(V), origin=how))
    # Landmarks in the lua's own order, right side and sacrum only.
    order = [p['name'] for p in model['points']]
    points.sort(key=lambda p: order.index(p[0]))

    # The assembled bones must touch where they articulate.
    placed = {node: V for node, V, _, _ in bodies}
    gaps = []
    for a, b in ARTICULATIONS:
        gap = float(cKDTree(placed[b]).query(placed[a])[0].min())
        gaps.append((a, b, gap))
        if convention == 'bmf':
            assert gap < ARTICULATION_MAX_GAP, f'{a} / {b}: {gap * 1000:.1f} mm apart'
    return bodies, points, report, gaps


# --------------------------------------------------------------------------------------------
# Licences
# --------------------------------------------------------------------------------------------
LICENSE_FILES = [
    ('population-mean-l2-l5/LICENSE', 'morphable-lumbar-model-MIT.txt'),
    ('vhm-lumbosacral/LICENSE', 'artisynth-lumbosacral-BSD-3-Clause.txt'),
    ('vhf-lower-limb/LICENSE', 'BMFToolkit-zlib.txt'),
    ('vh-piriformis/VHM_surfaces/README.txt', 'muscle-growth-VHM-surfaces-README-CC-BY-4.0.txt'),
    ('vh-piriformis/LICENSE-repository', 'muscle-growth-repository-MIT.txt'),
]

COPYRIGHT_VHM = (
    'Visible Human Male. L1-L5, sacrum, pelvis and intervertebral discs: Robin Remus, '
    'artisynth_lumbosacralSpineModel (Remus et al., PLoS ONE 2021;16(4):e0250456), BSD-3-Clause. '
    'Piriformis: Center for Orthopaedic Biomechanics, University of Denver (Andreassen et al., '
    'Scientific Data 2022), CC BY 4.0, via ingvilddevold/muscle-growth. Converted and registered '
    'by tools/import_anatomy_sources.py; see assets/sources/README.md and assets/sources/LICENSES/.')
COPYRIGHT_MEAN = (
    'Mean L2-L5 of 87 patients: Allison L. Clouthier et al., morphable-lumbar-model (J Biomech '
    '2023;146:111421), MIT licence. Split into vertebrae and converted by '
    'tools/import_anatomy_sources.py; see assets/sources/README.md and assets/sources/LICENSES/.')
COPYRIGHT_VHF = (
    'Visible Human Female. Bones and landmarks: Manish Sreenivasa, Daniel Gonzalez Alvarado, '
    'Bone Mesh Female Toolkit (BMFToolkit), zlib licence. Altered: assembled, converted and '
    'reduced to the right side by tools/import_anatomy_sources.py; see assets/sources/README.md '
    'and assets/sources/LICENSES/.')


# --------------------------------------------------------------------------------------------
def read_population_mean(mean_dir):
    """The statistical shape model's mean: one mesh of four closed pieces (L2..L5 from the top),
    millimetres, in the same "+X anterior, +Y left, +Z up" axes as the VHM model."""
    V = np.loadtxt(os.path.join(mean_dir, 'meanMesh_vertices.csv'), delimiter=',')
    T = np.loadtxt(os.path.join(mean_dir, 'meanMesh_faces.csv'), delimiter=',',
                   dtype=np.int64) - 1
    # Connected pieces by union-find over the triangles' edges.
    parent = np.arange(len(V))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i
    for a, b, c in T:
        for x, y in ((a, b), (b, c)):
            rx, ry = root(x), root(y)
            if rx != ry:
                parent[max(rx, ry)] = min(rx, ry)
    label = np.array([root(i) for i in range(len(V))])
    pieces = []
    for lab in np.unique(label):
        keep = label[T[:, 0]] == lab
        P, F = drop_unused_vertices(V, T[keep])
        pieces.append((P[:, 2].mean(), P, F))
    assert len(pieces) == 4, f'population mean: {len(pieces)} pieces, expected L2..L5'
    pieces.sort(key=lambda piece: -piece[0])   # cranial first
    return [(f'L{i + 2}', P * 0.001, F) for i, (_, P, F) in enumerate(pieces)]


def main(argv):
    args = [a for a in argv[1:] if not a.startswith('--')]
    options = [a for a in argv[1:] if a.startswith('--')]
    convention = 'bmf'
    for opt in options:
        if opt in ('--vhf-assembly=bmf', '--vhf-assembly=rbdl'):
            convention = opt.split('=')[1]
        else:
            sys.exit(f'unknown option {opt}')
    if len(args) != 2:
        sys.exit(__doc__.split('\n\n')[1])
    up, out = args
    os.makedirs(out, exist_ok=True)

    # ---------------- vhm-lumbosacral.glb ----------------
    vhm_dir = os.path.join(up, 'vhm-lumbosacral')
    glb = GlbWriter(COPYRIGHT_VHM)
    sacrum_vhm = None
    for node, src in VHM_BONES:
        V, T = read_obj(os.path.join(vhm_dir, src))
        V, T = drop_unused_vertices(V, T)
        if node == 'sacrum':
            sacrum_vhm = V
        glb.add_mesh_node(node, to_radicula(V), T,
                          extras={'source': f'vhm-lumbosacral/{src}'})
    for level, code in DISC_LEVELS:
        nodes, hexes = read_disc(os.path.join(vhm_dir, 'discs'), code)
        V, T = hex_boundary_surface(nodes, np.vstack([hexes[p] for p in DISC_PARTS]))
        glb.add_mesh_node(f'disc.{level}.annulus', to_radicula(V), T,
                          extras={'source': f'vhm-lumbosacral/discs/{code}_{{NP,AN_R1..AN_R4}}',
                                  'surface': 'outer boundary of nucleus and annulus together'})
        V, T = hex_boundary_surface(nodes, hexes['NP'])
        glb.add_mesh_node(f'disc.{level}.nucleus', to_radicula(V), T,
                          extras={'source': f'vhm-lumbosacral/discs/{code}_NP',
                                  'surface': 'boundary of the nucleus pulposus'})

    pir_dir = os.path.join(up, 'vh-piriformis', 'VHM_surfaces')
    S, _ = read_stl_binary(os.path.join(pir_dir, 'VHM_Left_Bone_Sacrum_smooth.stl'))
    R, t, residual = rigid_icp(S, sacrum_vhm, ICP_SCALE, ICP_R0, ICP_ITERATIONS, ICP_KEEP)
    muscles = {}
    for side, src in [('left', 'VHM_Left_Muscle_Piriformis_smooth.stl'),
                      ('right', 'VHM_Right_Muscle_Piriformis_smooth.stl')]:
        V, T = read_stl_binary(os.path.join(pir_dir, src))
        muscles[side] = (to_radicula((ICP_SCALE * V) @ R.T + t), T, src)
    # "left" is the person's left: +X in Radicula axes.
    assert muscles['left'][0][:, 0].mean() > 0 > muscles['right'][0][:, 0].mean(), \
        'piriformis sides do not land on the expected sides'
    for side in ('left', 'right'):
        V, T, src = muscles[side]
        glb.add_mesh_node(f'muscle.piriformis.{side}', V, T, extras={
            'source': f'vh-piriformis/VHM_surfaces/{src}',
            'registration': 'rigid ICP of VHM_Left_Bone_Sacrum_smooth.stl onto the sacrum, '
                            f'scale 0.001, trimmed RMS {residual["rms_trimmed_m"] * 1000:.2f} mm'})
    glb.write(os.path.join(out, 'vhm-lumbosacral.glb'))
    vhm_stats = glb.stats

    # ---------------- population-mean-l2-l5.glb ----------------
    # Each mean vertebra is moved rigidly (no scaling) onto the Visible Human Male's vertebra of
    # the same level, so it sits in that one body with its discs, L1 and sacrum.
    glb = GlbWriter(COPYRIGHT_MEAN)
    mean_fits = []
    for node, V, T in read_population_mean(os.path.join(up, 'population-mean-l2-l5')):
        W, _ = read_obj(os.path.join(vhm_dir, dict(VHM_BONES)[node]))
        R, t, residual = rigid_icp(V, W, 1.0, np.eye(3), ICP_ITERATIONS, ICP_KEEP)
        mean_fits.append((node, residual))
        glb.add_mesh_node(node, to_radicula(V @ R.T + t), T, extras={
            'source': 'population-mean-l2-l5/meanMesh_{vertices,faces}.csv',
            'piece': 'connected piece %d from the top' % (int(node[1]) - 1),
            'registration': 'rigid ICP onto vhm-lumbosacral ' + node + ', millimetres to metres, '
                            f'trimmed RMS {residual["rms_trimmed_m"] * 1000:.2f} mm'})
    glb.write(os.path.join(out, 'population-mean-l2-l5.glb'))
    mean_stats = glb.stats

    # ---------------- vhf-lower-limb.glb ----------------
    bodies, points, vhf_report, gaps = assemble_vhf(os.path.join(up, 'vhf-lower-limb'), convention)
    glb = GlbWriter(COPYRIGHT_VHF)
    for (node, V, T, src), rep in zip(bodies, vhf_report):
        glb.add_mesh_node(node, V, T, extras={'source': f'vhf-lower-limb/{src}',
                                              'origin': rep['origin']})
    for name, body, x in points:
        glb.add_point_node(f'landmark.{name}', x, extras={'body': body})
    glb.write(os.path.join(out, 'vhf-lower-limb.glb'))
    vhf_stats = glb.stats

    # ---------------- licences ----------------
    lic = os.path.join(out, 'LICENSES')
    os.makedirs(lic, exist_ok=True)
    for src, dst in LICENSE_FILES:
        shutil.copyfile(os.path.join(up, src), os.path.join(lic, dst))

    # ---------------- summary ----------------
    print('piriformis ICP (STL mm -> VHM m): R =', np.round(R, 4).tolist(),
          't =', np.round(t, 5).tolist())
    print('  residual (STL sacrum vertex -> nearest sacrum vertex): trimmed-90%% RMS %.2f mm, '
          'RMS %.2f mm, median %.2f mm, max %.2f mm' % tuple(
              residual[k] * 1000 for k in ('rms_trimmed_m', 'rms_all_m', 'median_m', 'max_m')))
    for fname, stats in [('vhm-lumbosacral.glb', vhm_stats), ('vhf-lower-limb.glb', vhf_stats),
                         ('population-mean-l2-l5.glb', mean_stats)]:
        size = os.path.getsize(os.path.join(out, fname))
        print(f'{fname}: {size} bytes, {len(stats)} meshes, '
              f'{sum(s[2] for s in stats)} triangles, {sum(s[1] for s in stats)} vertices')
        for name, nv, ni, vol in stats:
            print(f'  {name:40s} {nv:6d} vertices {ni:6d} triangles  {vol * 1e6:9.2f} cm3')
    for node, residual in mean_fits:
        print('population mean %s onto VHM %s: trimmed RMS %.2f mm, median %.2f mm, max %.2f mm'
              % (node, node, residual['rms_trimmed_m'] * 1000, residual['median_m'] * 1000,
                 residual['max_m'] * 1000))
    print(f'vhf assembly: {convention}; bodies (origin in the OBJ, vertices used/listed):')
    for rep in vhf_report:
        print(f"  {rep['node']:40s} {rep['source']:26s} {rep['used']:5d}/{rep['listed']:5d}  "
              f"{rep['origin']}")
    print(f'vhf landmarks: {len(points)}; closest approach of articulating bones (mm):')
    for a, b, gap in gaps:
        print(f'  {a:36s} {b:36s} {gap * 1000:5.2f}')


if __name__ == '__main__':
    main(sys.argv)
