// Pins: pretty dialect types with nested brackets and strings.
"x.a"() : () -> (!foo.bar, !foo.bar<1, 2>, !foo.baz<a<b<c>>, [1, {2}], (x)>)
