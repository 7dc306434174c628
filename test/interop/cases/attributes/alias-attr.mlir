// Pins: an attribute alias is resolved on input.
#a = 5 : i32
#b = #foo.attr<"x">
"x.a"() {a = #a, b = #b} : () -> ()
