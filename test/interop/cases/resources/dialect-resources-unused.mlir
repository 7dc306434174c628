// Pins: what happens to a blob no attribute refers to.
"x.a"() : () -> ()
{-#
  dialect_resources: {
    builtin: {
      unused: "0x0400000001000000"
    }
  }
#-}
