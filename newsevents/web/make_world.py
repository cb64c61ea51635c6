"""Build ``static/world.svg``: a coarse offline world map for the dashboard.

No tile server is reachable from the machines that run the dashboard, so the map is a
bundled SVG. Source: Natural Earth 1:110m countries (public domain) as TopoJSON in the
npm package ``world-atlas`` 2.0.2 (ISC licence, © Mike Bostock; see
``static/LICENSE-world-atlas.txt``). Regenerate with::

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python -m newsevents.web.make_world package/countries-110m.json

The projection is equirectangular: x = lon + 180, y = 90 - lat, so the dashboard
places a point at (lon + 180, 90 - lat) in the same viewBox.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

STATIC = Path(__file__).parent / "static"


def _decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """Delta-decode and un-quantise the TopoJSON arcs into lon/lat lists."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(indices: list[int], arcs) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def _path(rings) -> str:
    parts = []
    for ring in rings:
        coords, last = [], None
        for lon, lat in ring:
            point = (round(lon + 180, 1), round(90 - lat, 1))
            if last is not None and abs(point[0] - last[0]) > 180:
                # the ring crosses the antimeridian: start a new piece instead of a streak
                if len(coords) >= 3:
                    parts.append("M" + "L".join(coords) + "Z")
                coords = []
            if point != last:
                coords.append(f"{point[0]:g},{point[1]:g}")
                last = point
        if len(coords) >= 3:
            parts.append("M" + "L".join(coords) + "Z")
    return "".join(parts)


def build(topojson_path: str | Path) -> str:
    """Return the SVG text for the countries in a world-atlas TopoJSON file."""
    topo = json.loads(Path(topojson_path).read_text(encoding="utf-8"))
    arcs = _decode_arcs(topo)
    shapes = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs") or []
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        rings = [_ring(ring, arcs) for polygon in polygons for ring in polygon]
        d = _path(rings)
        if d:
            name = geometry.get("properties", {}).get("name", "").replace("&", "&amp;")
            shapes.append(f'<path data-id="{geometry.get("id", "")}" d="{d}"><title>{name}</title></path>')
    return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 180">\n'
            "<!-- Natural Earth 1:110m countries (public domain) via npm world-atlas 2.0.2 (ISC) -->\n"
            '<g class="countries">\n' + "\n".join(shapes) + "\n</g>\n</svg>\n")


if __name__ == "__main__":
    (STATIC / "world.svg").write_text(build(sys.argv[1]), encoding="utf-8")
