/**
 * ONNX export of generated networks, for inference elsewhere (ONNX Runtime and the like): {@link
 * dev.lamina.runtime.onnx.OnnxExport}, reached through {@code AbstractNetwork.exportOnnx}. See
 * docs/onnx.md for what each layer becomes.
 */
package dev.lamina.runtime.onnx;
