// Pins: operands of many types in one signature.
%a = "x.a"() : () -> tensor<?xf32>
%b = "x.b"() : () -> memref<4xi8, 3>
%c = "x.c"() : () -> !foo.t<"q">
"x.use"(%a, %b, %c) : (tensor<?xf32>, memref<4xi8, 3>, !foo.t<"q">) -> ()
