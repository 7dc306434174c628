// Pins: pretty dialect types whose bodies hold strings with brackets.
"x.a"() : () -> (!foo.s<"x>y">, !foo.s<"<<", ">">)
