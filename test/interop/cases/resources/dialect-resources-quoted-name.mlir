// Pins: resource names that are not bare identifiers.
"x.a"() {r = dense_resource<"my blob"> : tensor<1xi8>} : () -> ()
{-#
  dialect_resources: {
    builtin: {
      "my blob": "0x0100000009"
    }
  }
#-}
