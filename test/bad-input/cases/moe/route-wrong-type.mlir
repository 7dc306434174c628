// ARGS:
// ERROR: 5:8: 'moe.gmm' op operand #2 must be the row layout of one dispatch (moe.route), but got 'tensor<4x2xf32>'
// a route operand of another dialect type (generic form)
func.func @f(%x: tensor<4x8xbf16>, %ids: tensor<4x2xi32>, %p: tensor<4x2xf32>, %w: tensor<2x8x8xbf16>) {
  %h = "moe.gmm"(%x, %w, %p) : (tensor<4x8xbf16>, tensor<2x8x8xbf16>, tensor<4x2xf32>) -> tensor<?x8xbf16>
  return
}
