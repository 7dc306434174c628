// Pins: builtin types used as type attributes.
"x.a"() {a = i32, b = f8E4M3FN, c = vector<[4]xi1>, d = memref<*xf32>, e = tuple<>} : () -> ()
