# Writes the hand-made seed inputs of every fuzz target into fuzz/corpus/<target>/:
#   python3 fuzz/make_seeds.py [repository root, default .]
# Each seed is small and stands for one shape of input a person or program could hand
# Radicula. The fuzzers' own finds are added beside them (RADICULA_FUZZ_KEEP=1 scripts/fuzz.sh).
import base64, json, os, struct, sys

root = sys.argv[1] if len(sys.argv) > 1 else '.'
def put(target, name, data):
    d = os.path.join(root, 'fuzz', 'corpus', target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str): data = data.encode('utf-8')
    with open(os.path.join(d, name), 'wb') as f: f.write(data)

# --- settings ---
full = {"format": "radicula-settings/1", "language": "en", "mode": "patient", "large_text": False,
        "reduce_motion": False, "axial_view": "from_feet", "last_folder": "/home/ana/scans",
        "recent_files": ["/home/ana/scans/a.json", "/home/ana/scans/spine.glb"]}
put('settings', 'full_en.json', json.dumps(full, indent=2))
es = dict(full, language="es", mode="student", large_text=True, reduce_motion=True, axial_view="from_above")
put('settings', 'full_es_student.json', json.dumps(es))
put('settings', 'format_only.json', '{"format": "radicula-settings/1"}')
put('settings', 'format_is_a_number.json', '{"format": 1}')
put('settings', 'format_null.json', '{"format": null, "language": "es"}')
put('settings', 'wrong_format.json', '{"format": "radicula-settings/2", "language": "es"}')
put('settings', 'empty_object.json', '{}')
put('settings', 'array.json', '[1, 2, 3]')
put('settings', 'string.json', '"radicula-settings/1"')
put('settings', 'empty.json', '')
put('settings', 'truncated.json', '{"format": "radicula-settings/1", "language": ')
for key, bad in [("language", 5), ("language", "klingon"), ("mode", []), ("mode", "doctor"),
                 ("large_text", "yes"), ("reduce_motion", 1), ("axial_view", False),
                 ("axial_view", "sideways"), ("last_folder", {}), ("recent_files", "x.json"),
                 ("recent_files", [1, "/a.json", None, {"f": 1}])]:
    put('settings', f'bad_{key}_{type(bad).__name__}.json', json.dumps(dict(full, **{key: bad})))
put('settings', 'many_recent.json', json.dumps(dict(full, recent_files=[f"/r/{i}.json" for i in range(12)])))
put('settings', 'unicode_folder.json', json.dumps(dict(full, last_folder="/home/José/Imágenes/ñ 😀")))
put('settings', 'escaped_unicode.json', '{"format": "radicula-settings/1", "last_folder": "/home/Jos\\u00e9/\\ud83d\\ude00"}')
put('settings', 'lone_surrogate.json', '{"format": "radicula-settings/1", "last_folder": "\\ud800"}')
put('settings', 'unknown_fields.json', json.dumps(dict(full, theme="dark", window={"w": 800, "h": 600})))
put('settings', 'deep_unknown.json', '{"format": "radicula-settings/1", "x": ' + '[' * 40 + ']' * 40 + '}')
put('settings', 'number_overflow.json', '{"format": "radicula-settings/1", "large_text": 1e400}')
put('settings', 'duplicate_keys.json', '{"format": "radicula-settings/1", "language": "es", "language": "en"}')
put('settings', 'bom.json', b'\xef\xbb\xbf' + json.dumps(full).encode())
put('settings', 'trailing_garbage.json', json.dumps(full) + ' }')
put('settings', 'latin1_bytes.json', b'{"format": "radicula-settings/1", "last_folder": "/home/jos\xe9"}')

# --- cli: arguments separated by zero bytes ---
cli = {
    'no_arguments': [], 'help': ['--help'], 'short_help': ['-h'], 'version': ['--version'],
    'report_json': ['--scenario', 'case.json', '--report'],
    'report_text': ['--scenario', 'case.json', '--report', '--format', 'text'],
    'mri_report': ['--mri', 'report.txt', '--report'],
    'mri_save': ['--mri', 'report.txt', '--save-scenario', 'out.json'],
    'mri_save_spanish_name': ['--mri', 'informe_resonancia_señora.txt', '--save-scenario', 'out.json'],
    'symptoms': ['--symptoms', 's.json'], 'symptoms_text': ['--symptoms', 's.json', '--format', 'text'],
    'positional_scenario': ['case.json'], 'positional_model': ['spine.glb'],
    'positional_report': ['report.txt'], 'unsupported': ['notes.docx'],
    'screenshot_all': ['--scenario', 'a.json', '--screenshot', 'o.png', '--view', 'axial', '--size',
                       '1920x1080', '--lang', 'es', '--mode', 'student'],
    'screenshot_no_ui': ['--no-ui', '--screenshot', 'o.png'],
    'benchmark': ['--benchmark', '--frames', '240', '--msaa', '4'],
    'quiz': ['--quiz', '7', '--answer', '2', '--screenshot', 'o.png'],
    'near_miss_option': ['--screenshoot', 'x.png'], 'near_miss_report': ['--reprot'],
    'near_miss_view': ['--view', 'posterier'], 'bad_size': ['--size', 'big'],
    'huge_size': ['--size', '99999999999x1'], 'negative_frames': ['--frames', '-1'],
    'quiz_word': ['--quiz', 'seven'], 'answer_without_quiz': ['--answer', '2'],
    'two_scenarios': ['a.json', 'b.json'], 'two_models': ['a.glb', 'b.stl'],
    'report_and_benchmark': ['--report', '--benchmark'], 'empty_arguments': ['', ''],
    'missing_value': ['--scenario'], 'value_is_option': ['--scenario', '--report'],
    'save_without_input': ['--save-scenario', 'out.json'],
    'model_and_scenario': ['spine.glb', '--scenario', 'case.json', '--screenshot', 'o.png'],
}
for name, args in cli.items():
    put('cli', name, '\0'.join(args))
put('cli', 'latin1_report_name', b'--mri\0inform\xe9.txt\0--save-scenario\0out.json')
put('cli', 'newline_in_option', b'--scree\nnshot\0x.png')

# --- symptoms ---
S = lambda **kw: json.dumps(dict({"format": "radicula-symptoms/1"}, **kw))
put('symptoms', 'l5_left.json', S(regions=[{"region": "dorsum_foot", "side": "left"}, {"region": "great_toe", "side": "left"}],
    weakness=[{"movement": "great_toe_extension", "side": "left"}]))
put('symptoms', 's1_right.json', S(regions=[{"region": "lateral_foot", "side": "right"}, {"region": "sole", "side": "right"}],
    weakness=[{"movement": "ankle_plantarflexion", "side": "right"}], reflexes=[{"reflex": "achilles", "side": "right", "change": "absent"}]))
put('symptoms', 'l4_left.json', S(regions=[{"region": "medial_leg", "side": "left"}], reflexes=[{"reflex": "patellar", "side": "left", "change": "reduced"}],
    weakness=[{"movement": "ankle_dorsiflexion", "side": "left"}]))
put('symptoms', 'l3_both.json', S(regions=[{"region": "medial_knee", "side": "both"}], weakness=[{"movement": "knee_extension", "side": "both"}]))
put('symptoms', 'femoral.json', S(regions=[{"region": "anterior_thigh_lower", "side": "left"}, {"region": "medial_leg", "side": "left"}],
    weakness=[{"movement": "knee_extension", "side": "left"}], normal_strength=[{"movement": "hip_adduction", "side": "left"}]))
put('symptoms', 'fibular_neck.json', S(regions=[{"region": "dorsum_foot", "side": "right"}, {"region": "lateral_leg", "side": "right"}],
    weakness=[{"movement": "ankle_dorsiflexion", "side": "right"}, {"movement": "foot_eversion", "side": "right"}],
    normal_strength=[{"movement": "foot_inversion", "side": "right"}]))
put('symptoms', 'brisk.json', S(reflexes=[{"reflex": "patellar", "side": "both", "change": "brisk"}]))
put('symptoms', 'normal_only.json', S(normal_strength=[{"movement": "hip_flexion", "side": "left"}]))
put('symptoms', 'every_region.json', S(regions=[{"region": r, "side": "both"} for r in
    ['groin', 'anterior_thigh_upper', 'lateral_thigh', 'anterior_thigh_lower', 'medial_knee', 'medial_leg', 'medial_malleolus',
     'medial_foot', 'lateral_leg', 'dorsum_foot', 'great_toe', 'posterolateral_calf', 'lateral_foot', 'lateral_heel', 'sole',
     'posterior_thigh', 'popliteal_fossa', 'medial_buttock', 'saddle']]))
put('symptoms', 'sphincter.json', S(weakness=[{"movement": "sphincter", "side": "both"}], regions=[{"region": "saddle", "side": "both"}]))
put('symptoms', 'empty_marks.json', S())
put('symptoms', 'wrong_format.json', '{"format": "radicula-scenario/1", "regions": []}')
put('symptoms', 'unknown_region.json', S(regions=[{"region": "elbow", "side": "left"}]))
put('symptoms', 'bad_side.json', S(regions=[{"region": "sole", "side": "up"}]))
put('symptoms', 'side_number.json', S(regions=[{"region": "sole", "side": 1}]))
put('symptoms', 'bad_change.json', S(reflexes=[{"reflex": "achilles", "side": "left", "change": "gone"}]))
put('symptoms', 'list_not_array.json', S(regions={"region": "sole"}))
put('symptoms', 'item_not_object.json', S(regions=["sole"]))
put('symptoms', 'missing_side.json', S(regions=[{"region": "sole"}]))
put('symptoms', 'truncated.json', S(regions=[{"region": "sole", "side": "left"}])[:-5])
put('symptoms', 'not_json.txt', 'numb left foot, weak big toe')
put('symptoms', 'deep.json', '{"format": "radicula-symptoms/1", "x": ' + '[' * 70 + ']' * 70 + '}')

# --- link ---
links = ['h=L4-L5.left.paracentral.0.6', 'h=L5-S1.right.paracentral.0.6&view=side&lang=es&mode=patient',
    'h=L4-L5.both.central.0.95', 'h=L3-L4.left.foraminal.0.5&h=L4-L5.left.paracentral.0.5',
    'h=L4-L5.left.paracentral.0.6.up', 'h=L5-S1.right.paracentral.0.7.down', 'o=L4-L5.left.paracentral.0.5',
    's=L4-L5.both.central.0.8&view=axial', 's=L5-S1.left.foraminal.0.6', 'l=L5-S1.isthmic.0.4', 'l=L4-L5.degenerative.0.3',
    'p=left.0.6', 'f=right.0.5', 'view=leg', 'lang=es', 'mode=student', '#h=L4-L5.left.paracentral.0.6', '',
    'scenario=' + '%7B%22format%22%3A%22radicula-scenario%2F1%22%2C%22pathologies%22%3A%5B%5D%7D',
    'h=L4/L5.left.paracentral.0.6', 'h=L4-L5.left.paracentral', 'h=L9-S1.left.paracentral.0.6', 'x=1',
    'h=L4-L5.left.paracentral.1.5', 'h=L4-L5.left.paracentral.0.6&', 'view=side&&lang=en', 'h=%4', 'h=L4-L5.left%2Eparacentral.0.6',
    '&'.join(['h=L4-L5.left.paracentral.0.5'] * 70)]
for i, l in enumerate(links):
    put('link', f'link_{i:02d}.txt', l)

# --- mri ---
mri = {
 'en_paracentral.txt': 'L4-L5: Left paracentral disc extrusion compressing the traversing left L5 nerve root.',
 'en_foraminal.txt': 'L5-S1: Right foraminal disc protrusion with moderate right neural foraminal narrowing, contacting the exiting right L5 root.',
 'en_stenosis.txt': 'L4-5: Severe central canal stenosis due to disc bulge, facet arthropathy and ligamentum flavum thickening.',
 'en_negative_range.txt': 'L1-2 through L3-4: No disc herniation, canal stenosis or foraminal narrowing.',
 'en_without.txt': 'L3-L4: Mild right foraminal narrowing without nerve root impingement.',
 'en_spur.txt': 'L4-L5: Osteophyte narrowing the left lateral recess.',
 'en_secondary.txt': 'L4-L5: Moderate canal stenosis secondary to facet hypertrophy and a disc osteophyte complex.',
 'en_massive.txt': 'L4-L5: Large central disc extrusion occupying most of the spinal canal.',
 'en_slip.txt': 'Grade 1 anterolisthesis of L4 on L5 with bilateral pars defects.',
 'en_migrated.txt': 'L5-S1: Left paracentral extrusion with caudal migration behind the S1 body, displacing the left S1 root.',
 'en_far_lateral.txt': 'L3-4: Far lateral disc protrusion on the left abutting the exiting left L3 nerve root.',
 'en_hedged.txt': 'L5-S1: Possible small right paracentral protrusion; cannot exclude contact with the right S1 root.',
 'en_sizes.txt': 'L4-L5: 6 mm left subarticular protrusion. L5-S1: 3 mm broad-based bulge.',
 'en_impression.txt': 'IMPRESSION:\n1. L4-5 left paracentral extrusion compressing the left L5 root.\n2. Mild L3-4 stenosis.',
 'es_hernia.txt': 'L4-L5: Hernia discal posterolateral izquierda que comprime la raíz L5 izquierda.',
 'es_foraminal.txt': 'L5-S1: Protrusión foraminal derecha con estenosis foraminal moderada derecha.',
 'es_estenosis.txt': 'L3-L4: Estenosis severa del canal central por abombamiento discal e hipertrofia facetaria.',
 'es_negativo.txt': 'L1-L2 a L3-L4: sin hernias discales ni estenosis del canal.',
 'es_listesis.txt': 'Espondilolistesis grado I de L5 sobre S1 con lisis ístmica bilateral.',
 'es_osteofito.txt': 'L4-L5: Osteofito que estrecha el receso lateral izquierdo.',
 'mixed_lines.txt': 'T12-L1: normal.\r\nL1-L2: normal.\r\nL2-L3: small bulge.\r\nL3-L4: no stenosis.\r\nL4-L5: left paracentral protrusion.\r\nL5-S1: normal.',
 'no_levels.txt': 'The lumbar spine is unremarkable.',
 'cervical.txt': 'C5-C6: Right paracentral disc protrusion compressing the right C6 root.',
 'bad_bytes.txt': b'L4-L5: left paracentral extrusion \xff\xfe compressing L5.',
 'long_list.txt': 'L4-L5, L5-S1, L3-L4 and L2-L3: mild bulges without stenosis.',
}
for name, text in mri.items():
    put('mri', name, text)

# --- content (first byte picks the table) ---
put('content', 'T_accents.json', 'T' + json.dumps({"side.left": "izquierda", "region.sole": "planta del pie", "greeting": "¡Hola! ñ 😀"}, ensure_ascii=False))
put('content', 'T_not_string.json', 'T{"a": 1}')
put('content', 'T_array.json', 'T["a", "b"]')
put('content', 'T_nested.json', 'T{"a": {"b": "c"}}')
put('content', 'T_empty.json', 'T{}')
put('content', 'T_deep.json', 'T{"a": ' + '[' * 80 + ']' * 80 + '}')
put('content', 'R_bad_root.json', 'R{"sources": {"a": "A"}, "regions": [{"id": "x", "where": "w", "cutaneous_nerve": "n", "dermatome": ["L9"], "placement": {"from": ["thigh", 0.1], "to": ["leg", 0.2]}, "source": ["a"]}]}')
put('content', 'R_bad_segment.json', 'R{"sources": {"a": "A"}, "regions": [{"id": "x", "where": "w", "cutaneous_nerve": "n", "dermatome": ["L2"], "placement": {"from": ["arm", 0.1], "to": ["leg", 0.2]}, "source": ["a"]}]}')
put('content', 'R_unlisted_source.json', 'R{"sources": {"a": "A"}, "regions": [{"id": "x", "where": "w", "cutaneous_nerve": "n", "dermatome": ["L2"], "placement": {"from": ["thigh", 0.1], "to": ["leg", 2]}, "source": ["b"]}]}')
put('content', 'R_duplicate_id.json', 'R{"sources": {"a": "A"}, "regions": [' + ','.join(['{"id": "x", "where": "w", "cutaneous_nerve": "n", "dermatome": ["L2"], "placement": {"from": ["thigh", 0.1], "to": ["leg", 0.2]}, "source": ["a"]}'] * 2) + ']}')
put('content', 'R_empty.json', 'R{"regions": []}')
put('content', 'M_missing.json', 'M{"lumbar": {}}')
put('content', 'M_one_row.json', 'M{"sources": {"s": "S"}, "lumbar": {"endplate_width": {"values": [41, 42, 43, 44, 45], "source": "s"}}}')
put('content', 'M_bad_values.json', 'M{"sources": {"s": "S"}, "lumbar": {"endplate_width": {"values": [41, 42, "x", 44], "source": "s"}}}')
put('content', 'N_root_only.json', 'N{"segments": [{"id": "root.L1", "kind": "root", "fibres": ["L1"], "parents": [], "tube": null, "source": "s"}], "regions": [], "movements": [], "reflexes": []}')
put('content', 'N_unknown_kind.json', 'N{"segments": [{"id": "a", "kind": "wire", "fibres": ["L1"], "parents": [], "tube": null, "source": "s"}]}')
put('content', 'N_cycle.json', 'N{"segments": [{"id": "a", "kind": "trunk", "fibres": ["L1"], "parents": ["b"], "tube": null, "source": "s"}, {"id": "b", "kind": "trunk", "fibres": ["L1"], "parents": ["a"], "tube": null, "source": "s"}]}')
put('content', 'N_no_source.json', 'N{"segments": [{"id": "a", "kind": "root", "fibres": ["L1"], "parents": [], "tube": null}]}')
put('content', 'N_empty.json', 'N{}')

# --- gltf ---
def tri(indices=None, extra=None, stride=0, count=3, mode=None, comp=5126, node=None, scenes=True, material=None, images=None, buri=None):
    pos = struct.pack('<9f', 0, 0, 0, 0.1, 0, 0, 0, 0.1, 0)
    data = bytearray(pos)
    views = [{"buffer": 0, "byteOffset": 0, "byteLength": len(pos)}]
    if stride: views[0]["byteStride"] = stride
    accessors = [{"bufferView": 0, "componentType": comp, "count": count, "type": "VEC3", "min": [0, 0, 0], "max": [0.1, 0.1, 0]}]
    attrs = {"POSITION": 0}
    prim = {"attributes": attrs}
    for name, (fmt, typ, ncomp, vals, ctype, norm) in (extra or {}).items():
        blob = struct.pack('<' + fmt * (3 * ncomp), *vals)
        while len(data) % 4: data.append(0)
        views.append({"buffer": 0, "byteOffset": len(data), "byteLength": len(blob)})
        data += blob
        a = {"bufferView": len(views) - 1, "componentType": ctype, "count": 3, "type": typ}
        if norm: a["normalized"] = True
        accessors.append(a)
        attrs[name] = len(accessors) - 1
    if indices:
        fmt, ctype, vals = indices
        blob = struct.pack('<' + fmt * len(vals), *vals)
        while len(data) % 4: data.append(0)
        views.append({"buffer": 0, "byteOffset": len(data), "byteLength": len(blob)})
        data += blob
        accessors.append({"bufferView": len(views) - 1, "componentType": ctype, "count": len(vals), "type": "SCALAR"})
        prim["indices"] = len(accessors) - 1
    if mode is not None: prim["mode"] = mode
    if material is not None: prim["material"] = 0
    uri = buri or ("data:application/octet-stream;base64," + base64.b64encode(bytes(data)).decode())
    doc = {"asset": {"version": "2.0"}, "buffers": [{"byteLength": len(data), "uri": uri}],
           "bufferViews": views, "accessors": accessors, "meshes": [{"primitives": [prim]}],
           "nodes": node or [{"name": "triangle", "mesh": 0}]}
    if scenes: doc["scenes"] = [{"nodes": [0]}]
    if material is not None: doc["materials"] = [material]
    if images: doc["images"] = images
    return json.dumps(doc)
put('gltf', 'indexed_ubyte.gltf', tri(indices=('B', 5121, [0, 1, 2])))
put('gltf', 'indexed_ushort.gltf', tri(indices=('H', 5123, [0, 1, 2, 2, 1, 0])))
put('gltf', 'indexed_uint.gltf', tri(indices=('I', 5125, [0, 1, 2])))
put('gltf', 'index_past_end.gltf', tri(indices=('H', 5123, [0, 1, 7])))
put('gltf', 'normals.gltf', tri(extra={"NORMAL": ('f', "VEC3", 3, [0, 0, 1] * 3, 5126, False)}))
put('gltf', 'colors_vec4_ubyte.gltf', tri(extra={"COLOR_0": ('B', "VEC4", 4, [255, 0, 0, 255] * 3, 5121, True)}))
put('gltf', 'colors_vec3_float.gltf', tri(extra={"COLOR_0": ('f', "VEC3", 3, [1, 0.5, 0] * 3, 5126, False)}))
put('gltf', 'nerve_arc.gltf', tri(extra={"_NERVE_ARC": ('f', "SCALAR", 1, [0, 0.1, 0.2], 5126, False)}))
put('gltf', 'region_ids.gltf', tri(extra={"_REGION_IDS": ('B', "VEC4", 4, [1, 2, 255, 0] * 3, 5121, False),
                                           "_REGION_WEIGHTS": ('f', "VEC4", 4, [0.5, 0.5, 0, 0] * 3, 5126, False)}))
put('gltf', 'short_normalized.gltf', tri(extra={"NORMAL": ('h', "VEC3", 3, [0, 0, 32767] * 3, 5122, True)}))
put('gltf', 'stride_16.gltf', tri(stride=16, count=2))
put('gltf', 'stride_too_small.gltf', tri(stride=4))
put('gltf', 'count_too_large.gltf', tri(count=4))
put('gltf', 'count_overflow.gltf', tri(count=1152921504606846977, stride=16))
put('gltf', 'points_mode.gltf', tri(mode=0))
put('gltf', 'strip_mode.gltf', tri(mode=5))
put('gltf', 'unsigned_int_positions.gltf', tri(comp=5125))
put('gltf', 'material_blend.gltf', tri(material={"name": "skin", "alphaMode": "BLEND", "doubleSided": True,
    "pbrMetallicRoughness": {"baseColorFactor": [0.9, 0.7, 0.6, 0.3], "roughnessFactor": 0.6, "metallicFactor": 0}}))
put('gltf', 'hierarchy.gltf', tri(node=[{"name": "parent", "children": [1], "translation": [0, 1, 0]},
    {"name": "child", "mesh": 0, "rotation": [0, 0, 0.7071, 0.7071], "scale": [2, 2, 2]}]))
put('gltf', 'matrix_node.gltf', tri(node=[{"name": "m", "mesh": 0, "matrix": [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0.5, 0, 0, 1]}]))
put('gltf', 'node_cycle.gltf', tri(node=[{"name": "a", "mesh": 0, "children": [1]}, {"name": "b", "children": [0]}]))
put('gltf', 'missing_child.gltf', tri(node=[{"name": "a", "mesh": 0, "children": [5]}]))
put('gltf', 'no_scenes.gltf', tri(scenes=False))
put('gltf', 'external_buffer.gltf', tri(buri="tri.bin"))
put('gltf', 'escaping_buffer.gltf', tri(buri="../../../../etc/hostname"))
put('gltf', 'absolute_buffer.gltf', tri(buri="/etc/hostname"))
put('gltf', 'escaping_image.gltf', tri(images=[{"uri": "../private.png"}]))
put('gltf', 'data_image.gltf', tri(images=[{"uri": "data:image/png;base64,iVBORw0KGgo="}]))
put('gltf', 'no_position.gltf', tri().replace('"POSITION"', '"TEXCOORD_0"'))
put('gltf', 'deep_extras.gltf', tri()[:-1] + ', "extras": ' + '[' * 60 + ']' * 60 + '}')
put('gltf', 'version_1.gltf', tri().replace('"2.0"', '"1.0"'))
def glb(js, binchunk=b''):
    j = js.encode()
    while len(j) % 4: j += b' '
    out = struct.pack('<I', len(j)) + b'JSON' + j
    if binchunk:
        while len(binchunk) % 4: binchunk += b'\0'
        out += struct.pack('<I', len(binchunk)) + b'BIN\0' + binchunk
    return b'glTF' + struct.pack('<II', 2, 12 + len(out)) + out
pos = struct.pack('<9f', 0, 0, 0, 0.1, 0, 0, 0, 0.1, 0)
gdoc = {"asset": {"version": "2.0"}, "buffers": [{"byteLength": 36}], "bufferViews": [{"buffer": 0, "byteLength": 36}],
        "accessors": [{"bufferView": 0, "componentType": 5126, "count": 3, "type": "VEC3", "min": [0, 0, 0], "max": [0.1, 0.1, 0]}],
        "meshes": [{"primitives": [{"attributes": {"POSITION": 0}}]}], "nodes": [{"mesh": 0}], "scenes": [{"nodes": [0]}]}
put('gltf', 'bin_chunk.glb', glb(json.dumps(gdoc), pos))
put('gltf', 'bin_chunk_short.glb', glb(json.dumps(gdoc), pos[:20]))
put('gltf', 'glb_length_lies.glb', glb(json.dumps(gdoc), pos)[:-8])
put('gltf', 'glb_no_bin.glb', glb(json.dumps(gdoc)))

# --- assimp: first byte picks the format (O obj, S stl, P ply, F off) ---
put('assimp', 'O_triangle_normals.obj', 'Ov 0 0 0\nv 1 0 0\nv 0 1 0\nvn 0 0 1\nf 1//1 2//1 3//1\n')
put('assimp', 'O_negative_indices.obj', 'Ov 0 0 0\nv 1 0 0\nv 0 1 0\nf -3 -2 -1\n')
put('assimp', 'O_polygon.obj', 'Ov 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\nv -1 0.5 0\nf 1 2 3 4 5\n')
put('assimp', 'O_groups_material.obj', 'Omtllib missing.mtl\no a\ng g1\nusemtl red\nv 0 0 0\nv 1 0 0\nv 0 1 0\nvt 0 0\nvt 1 0\nvt 0 1\nf 1/1 2/2 3/3\n')
put('assimp', 'O_index_past_end.obj', 'Ov 0 0 0\nv 1 0 0\nf 1 2 9\n')
put('assimp', 'O_lines_points.obj', 'Ov 0 0 0\nv 1 0 0\nv 0 1 0\nl 1 2\np 3\n')
stl_bin = b'\0' * 80 + struct.pack('<I', 1) + struct.pack('<12fH', 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0)
put('assimp', 'S_binary_count_lies.stl', b'S' + b'\0' * 80 + struct.pack('<I', 1000000) + stl_bin[84:])
put('assimp', 'S_binary_two.stl', b'S' + b'\0' * 80 + struct.pack('<I', 2) + stl_bin[84:] * 2)
put('assimp', 'S_ascii_two.stl', 'Ssolid t\nfacet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 1 0 0\nvertex 0 1 0\nendloop\nendfacet\nfacet normal 0 0 1\nouter loop\nvertex 1 0 0\nvertex 1 1 0\nvertex 0 1 0\nendloop\nendfacet\nendsolid t\n')
put('assimp', 'S_ascii_truncated.stl', 'Ssolid t\nfacet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 1 0')
ply = 'ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nproperty float y\nproperty float z\nelement face 1\nproperty list uchar int vertex_indices\nend_header\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n'
put('assimp', 'P_ascii_face.ply', 'P' + ply)
put('assimp', 'P_huge_count.ply', 'P' + ply.replace('element vertex 3', 'element vertex 4000000000'))
put('assimp', 'P_colors.ply', 'P' + ply.replace('property float z\n', 'property float z\nproperty uchar red\nproperty uchar green\nproperty uchar blue\n').replace('0 0 0\n1 0 0\n0 1 0', '0 0 0 255 0 0\n1 0 0 0 255 0\n0 1 0 0 0 255'))
put('assimp', 'P_quad.ply', 'P' + ply.replace('element vertex 3', 'element vertex 4').replace('0 1 0\n3 0 1 2', '0 1 0\n1 1 0\n4 0 1 3 2'))
put('assimp', 'P_binary_face.ply', b'P' + b'ply\nformat binary_little_endian 1.0\nelement vertex 3\nproperty float x\nproperty float y\nproperty float z\nelement face 1\nproperty list uchar int vertex_indices\nend_header\n' + struct.pack('<9f', 0, 0, 0, 1, 0, 0, 0, 1, 0) + struct.pack('<B3i', 3, 0, 1, 2))
put('assimp', 'F_triangle.off', 'FOFF\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n')
put('assimp', 'F_comment.off', 'FOFF\n# a comment\n4 2 0\n0 0 0\n1 0 0\n1 1 0\n0 1 0\n3 0 1 2\n3 0 2 3\n')
put('assimp', 'F_huge_counts.off', 'FOFF\n4000000000 4000000000 0\n0 0 0\n')
put('assimp', 'F_face_past_end.off', 'FOFF\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 9\n')
put('assimp', 'F_colored.off', 'FCOFF\n3 1 0\n0 0 0 255 0 0 255\n1 0 0 0 255 0 255\n0 1 0 0 0 255 255\n3 0 1 2\n')
print('ok')
