// Pins: pretty dialect attributes with nested brackets and strings.
"x.a"() {a = #foo.bar, b = #foo.bar<1, "s>", [2, {3}]>, c = #foo.baz<<a>, (b)>} : () -> ()
