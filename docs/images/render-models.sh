#!/usr/bin/env bash
# Renders each model of bpmn/ to docs/images/<name>.png with bpmn-js (npm) in headless Chromium.
# Usage: docs/images/render-models.sh [model-name ...]   (default: every .bpmn in bpmn/)
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm install --silent --no-audit --no-fund bpmn-js@17 >/dev/null)
models=("$@")
[ ${#models[@]} -eq 0 ] && models=($(ls bpmn/*.bpmn | xargs -n1 basename | sed 's/\.bpmn$//'))
for name in "${models[@]}"; do
  python3 - "$name" "$work" <<'PY'
import json, re, sys
name, work = sys.argv[1], sys.argv[2]
xml = open(f'bpmn/{name}.bpmn', encoding='utf-8').read()
xs, ys = [], []
for m in re.finditer(r'<(?:dc:Bounds|omgdc:Bounds)\s+([^>]*)/>', xml):
    a = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
    xs.append(float(a['x']) + float(a['width'])); ys.append(float(a['y']) + float(a['height']))
for m in re.finditer(r'<(?:di:waypoint|omgdi:waypoint)\s+([^>]*)/>', xml):
    a = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
    xs.append(float(a['x'])); ys.append(float(a['y']))
w, h = int(max(xs)) + 80, int(max(ys)) + 80
open(f'{work}/{name}.size', 'w').write(f'{w},{h}')
page = f'''<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="node_modules/bpmn-js/dist/assets/bpmn-js.css">
<style>html,body,#c{{margin:0;width:{w}px;height:{h}px;background:#fff;font-family:"Noto Sans CJK SC",sans-serif}}
.bjs-powered-by{{display:none}}</style></head><body><div id="c"></div>
<script src="node_modules/bpmn-js/dist/bpmn-viewer.production.min.js"></script>
<script>const v=new BpmnJS({{container:'#c'}});v.importXML({json.dumps(xml)}).then(()=>{{
const c=v.get('canvas');c.zoom('fit-viewport','auto');document.title='ready';}});</script></body></html>'''
open(f'{work}/{name}.html', 'w', encoding='utf-8').write(page)
PY
  size=$(cat "$work/$name.size")
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=5000 \
    --window-size="$size" --screenshot="docs/images/$name.png" "file://$work/$name.html" >/dev/null 2>&1
  echo "docs/images/$name.png ($size)"
done
