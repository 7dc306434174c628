// Pins: the empty affine map and a zero-input map.
"x.a"() {a = affine_map<() -> ()>, b = affine_map<() -> (0)>} : () -> ()
