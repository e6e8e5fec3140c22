using K4os.Compression.LZ4;

namespace Riposte.Analytics.Evidence;

/// <summary>Block compression. LZ4 is used because ingest must stay fast (it runs at several hundred MB/s on one core).</summary>
public static class EvidenceCodec
{
    public const string Lz4 = "lz4";

    public static byte[] Compress(ReadOnlySpan<byte> raw) => LZ4Pickler.Pickle(raw, LZ4Level.L00_FAST);

    public static byte[] Decompress(string codec, byte[] data) => codec switch
    {
        Lz4 => LZ4Pickler.Unpickle(data),
        _ => throw new NotSupportedException($"unknown evidence codec '{codec}'"),
    };
}
