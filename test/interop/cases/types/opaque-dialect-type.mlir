// Pins: opaque dialect types !foo<"...">.
"x.a"() : () -> (!foo<"bar">, !foo<"a b \"c\"">)
