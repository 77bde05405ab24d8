package dev.lamina.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Which arrays Java loops may read as the start of their buffer, in row-major order. */
class HostMemoryTest {
    @Test
    void arraysWithAxesOfSizeOneAndLeadingRowsAreRowMajorFromTheirStart() {
        assertTrue(HostMemory.holdsFloats(Nd4j.create(DataType.FLOAT, 3, 3, 1, 32)), "a kernel of one input channel");
        assertTrue(HostMemory.holdsFloats(Nd4j.create(DataType.FLOAT, 64, 28, 28, 1)), "images of one channel");
        assertTrue(HostMemory.holdsFloats(Buffers.rows(Nd4j.create(DataType.FLOAT, 8, 1), 5)), "leading rows of a column");
        assertTrue(HostMemory.holdsFloats(Buffers.rows(Nd4j.create(DataType.FLOAT, 8, 3, 2), 5)), "leading rows");
        assertTrue(HostMemory.holdsFloats(Nd4j.create(DataType.FLOAT, 1, 1)), "a single value");
    }

    @Test
    void viewsThatSkipOrReorderValuesAreNot() {
        INDArray matrix = Nd4j.create(DataType.FLOAT, 4, 3);
        assertFalse(HostMemory.holds(matrix.transpose()), "transposed");
        assertFalse(HostMemory.holds(matrix.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2))), "some columns");
        assertFalse(HostMemory.holds(matrix.get(NDArrayIndex.interval(1, 3))), "rows after the first");
        assertFalse(HostMemory.holdsFloats(Nd4j.create(DataType.DOUBLE, 4, 3)), "not float32");
        assertTrue(HostMemory.holds(Nd4j.create(DataType.DOUBLE, 4, 3)), "but in host memory in order");
    }

    @Test
    void theSwitchTurnsEveryArrayOffAndBackOn() {
        INDArray floats = Nd4j.create(DataType.FLOAT, 4, 3);
        String before = System.getProperty(HostMemory.LOOPS_PROPERTY);
        try {
            System.setProperty(HostMemory.LOOPS_PROPERTY, "false");
            assertFalse(HostMemory.loopsOn() || HostMemory.holds(floats) || HostMemory.holdsFloats(floats), "off");
            System.setProperty(HostMemory.LOOPS_PROPERTY, "true");
            assertTrue(HostMemory.loopsOn() && HostMemory.holdsFloats(floats), "on");
        } finally {
            restore(before);
        }
        assertTrue(HostMemory.holdsFloats(floats), "on by default");
    }

    /** Sets the switch back as it was: cleared if it was not set. */
    static void restore(String before) {
        if (before == null) {
            System.clearProperty(HostMemory.LOOPS_PROPERTY);
        } else {
            System.setProperty(HostMemory.LOOPS_PROPERTY, before);
        }
    }
}
