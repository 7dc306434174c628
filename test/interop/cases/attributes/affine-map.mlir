// Pins: affine maps print via #map aliases.
"x.a"() {m = affine_map<(d0, d1)[s0] -> (d1, d0 + s0)>} : () -> ()
