// Pins: type attributes of builtin and dialect types.
"x.a"() {a = i32, b = !foo.t<1>, c = (i32) -> (), d = tensor<*xf32>} : () -> ()
