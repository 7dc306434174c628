// Pins: an alias that refers to another alias is printed after it.
"x.a"() {a = distinct[0]<affine_map<(d0) -> (d0 + 9)>>, b = affine_map<(d0) -> (d0 + 1)>} : () -> ()
