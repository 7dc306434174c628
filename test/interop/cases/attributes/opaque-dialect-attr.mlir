// Pins: opaque dialect attributes #foo<"...">.
"x.a"() {a = #foo<"bar">, b = #foo<"x \"y\"">} : () -> ()
