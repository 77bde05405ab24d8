package dev.lamina.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EpochTest {
    @Test
    void anEpochReadsBackFromItsLineExactly() {
        Epoch epoch = new Epoch(8.104312345678901, 0.9808, 3.9812345e11, 629.0);
        assertEquals(epoch, Epoch.parse(epoch.line()));
    }

    @Test
    void aLineThatIsNotAnEpochsIsRefusedWithTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Epoch.parse("ready"));
        assertEquals("not an epoch's line: ready", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Epoch.parse("epoch 1.0 0.9 3e11"));
    }
}
