// Pins: dialect attributes followed by a type.
"x.a"() {a = #foo.v<1> : i32, b = #foo<"o"> : !foo.t} : () -> ()
