// Pins: top-of-file aliases sort by alias name, then by first use in printed order.
"x.a"() {z = distinct[0]<1>, y = affine_set<(d0) : (d0 >= 0)>, x = affine_map<(d0) -> (d0 + 1)>, w = distinct[1]<2>, v = affine_map<(d0) -> (d0 + 2)>} : () -> ()
"x.b"() : () -> memref<4xf32, affine_map<(d0) -> (d0 + 5)>>
