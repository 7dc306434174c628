// Pins: affine expressions are simplified when parsed.
"x.a"() {m = affine_map<(d0, d1) -> (d0 + d0, d1 * 1 + 0, 2 + 3, d0 - d0)>} : () -> ()
