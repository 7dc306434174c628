// Pins: regions nested four levels deep; values and args numbered continuously.
"x.l1"() ({
^bb0(%a: i32):
  "x.l2"() ({
  ^bb0(%b: i32):
    "x.l3"() ({
    ^bb0(%c: i32):
      "x.l4"() ({
        %d = "x.use"(%a, %b, %c) : (i32, i32, i32) -> i32
      }) : () -> ()
    }) : () -> ()
  }) : () -> ()
}) : () -> ()
