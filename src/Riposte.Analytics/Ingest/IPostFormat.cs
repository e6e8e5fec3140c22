namespace Riposte.Analytics.Ingest;

/// <summary>A reader for one platform export format, mapping its records to the common post model.</summary>
public interface IPostFormat
{
    /// <summary>The name used on the command line (<c>--format</c>), e.g. <c>twarc2</c>.</summary>
    string Name { get; }

    /// <summary>One line for help texts and error messages.</summary>
    string Description { get; }

    /// <summary>Whether the first bytes of a file (and its name) look like this format.</summary>
    bool Sniff(ReadOnlySpan<byte> head, string fileName);

    /// <summary>
    /// Reads every record. Never throws for bad records: each becomes a <see cref="RecordKind.Rejected"/> result with
    /// its location, and the reader goes on with the next record where the format allows it.
    /// </summary>
    IEnumerable<RecordResult> Read(Stream stream, string fileName);
}
