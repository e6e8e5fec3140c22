using Riposte.Stix;
using Riposte.Storage.Federation;

namespace Riposte.Federation.Stream;

public enum FeedEventKind
{
    Created,
    Updated,
    Deleted,
}

/// <summary>One event of a node's stream: a version (created or updated) with where it came from, or a deletion.</summary>
/// <param name="Path">Nodes the version has been on, origin first, ending with the node serving it.</param>
/// <param name="Added">When the serving node stored the version (its TAXII date_added, its clock): a subscriber keeps its TAXII cursor in step with it.</param>
public sealed record FeedEvent(
    FeedEventKind Kind,
    StreamCursor Cursor,
    StixObject? Object,
    IReadOnlyList<string> Collections,
    string? Origin,
    IReadOnlyList<string> Path,
    TombstoneRecord? Tombstone,
    string? Added = null);

/// <summary>A batch of events and the cursor after it (which may move past versions the reader may not see); <paramref name="More"/>: the batch was cut at its size.</summary>
public sealed record FeedBatch(IReadOnlyList<FeedEvent> Events, StreamCursor Next, bool More = false);
