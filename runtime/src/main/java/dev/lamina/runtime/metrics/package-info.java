/**
 * The arithmetic of classification and regression metrics, in plain Java over plain arrays so it can
 * be checked against scikit-learn and Keras number for number, without a backend.
 *
 * <p>Every class accumulates: feed it batch after batch of a network's outputs, as flat row-major
 * {@code float[]} (samples x width), with their labels, then read the value over everything fed so
 * far. Splitting the same samples into batches of any sizes gives the same value.
 */
package dev.lamina.runtime.metrics;
