// Pins: a user #map alias name is not kept; the printer picks its own.
#mymap = affine_map<(d0) -> (d0 * 2)>
"x.a"() {m = #mymap} : () -> memref<4xf32, #mymap>
