// Pins: aliases defined in terms of other aliases.
!t = i32
!v = tensor<4x!t>
#c = dense<1> : !v
#d = [#c, #c]
"x.a"() {d = #d} : () -> !v
