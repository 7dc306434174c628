// Pins: several affine maps get #map, #map1, ... aliases in first-use order.
"x.a"() {z = affine_map<(d0) -> (d0 + 1)>, a = affine_map<(d0) -> (d0 + 2)>} : () -> ()
"x.b"() {m = affine_map<(d0) -> (d0 + 3)>, n = affine_map<(d0) -> (d0 + 1)>} : () -> ()
