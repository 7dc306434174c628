// Pins: affine expressions with mod, floordiv, ceildiv and constants.
"x.a"() {m = affine_map<(d0, d1) -> (d0 mod 4, d1 floordiv 2, d0 ceildiv 3, 7, d0 * 3 - d1)>} : () -> ()
