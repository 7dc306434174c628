// Pins: flat symbol references.
"x.a"() {a = @f, b = @_g.h$1} : () -> ()
