namespace Riposte.Analytics.Evidence;

/// <summary>Where a record's raw bytes sit: block (by its sequence number within one ingest), offset and length, with the SHA-256 of the bytes.</summary>
public readonly record struct EvidencePointer(int BlockSequence, int Offset, int Length, byte[] Sha256);

/// <summary>A sealed block of concatenated raw records, compressed as a whole (per-record compression of tiny records is slow and compresses poorly).</summary>
public sealed record EvidenceBlock(int Sequence, string Codec, int RawLength, byte[] Data);

/// <summary>The raw bytes a post came from, with where and when they were captured.</summary>
public sealed record PostEvidence(
    byte[] Raw,
    byte[] Sha256,
    string SourceFile,
    string Format,
    long Line,
    string? Path,
    DateTimeOffset CapturedAt)
{
    /// <summary>Whether the bytes still hash to the SHA-256 stored at capture.</summary>
    public bool IsIntact => System.Security.Cryptography.SHA256.HashData(Raw).AsSpan().SequenceEqual(Sha256);

    public string Sha256Hex => Convert.ToHexStringLower(Sha256);
}
