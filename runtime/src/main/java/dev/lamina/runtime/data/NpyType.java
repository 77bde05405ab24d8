package dev.lamina.runtime.data;

import java.nio.ByteOrder;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The NumPy data types {@link NpyReader} reads, by their {@code descr} code without the byte order,
 * and the ND4J type each becomes. Floats keep their width; every integer type becomes INT if all its
 * values fit 32 signed bits, else LONG (ND4J's unsigned types are not supported by most of its ops);
 * bool stays BOOL.
 */
public enum NpyType {
    FLOAT32("f4", 4, DataType.FLOAT),
    FLOAT64("f8", 8, DataType.DOUBLE),
    INT8("i1", 1, DataType.INT),
    UINT8("u1", 1, DataType.INT),
    INT16("i2", 2, DataType.INT),
    UINT16("u2", 2, DataType.INT),
    INT32("i4", 4, DataType.INT),
    UINT32("u4", 4, DataType.LONG),
    INT64("i8", 8, DataType.LONG),
    /** Read as LONG: a value of 2^63 or more is refused. */
    UINT64("u8", 8, DataType.LONG),
    BOOL("b1", 1, DataType.BOOL);

    private final String code;
    private final int itemSize;
    private final DataType dataType;

    NpyType(String code, int itemSize, DataType dataType) {
        this.code = code;
        this.itemSize = itemSize;
        this.dataType = dataType;
    }

    /** NumPy's code without the byte order: "f4". */
    public String code() {
        return code;
    }

    /** Bytes per value in the file. */
    public int itemSize() {
        return itemSize;
    }

    /** The type of the array read. */
    public DataType dataType() {
        return dataType;
    }

    /** Bytes per value in the array read. */
    int arrayItemSize() {
        return dataType.width();
    }

    /** The type of {@code code} ("f4"), or null if it is not one of these. */
    static NpyType ofCode(String code) {
        for (NpyType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        return null;
    }

    /** The byte order a descr's first character gives ('|' and '=' for the machine's, which one byte ignores). */
    static ByteOrder byteOrder(char mark) {
        return switch (mark) {
            case '<' -> ByteOrder.LITTLE_ENDIAN;
            case '>' -> ByteOrder.BIG_ENDIAN;
            case '|', '=' -> ByteOrder.nativeOrder();
            default -> null;
        };
    }
}
