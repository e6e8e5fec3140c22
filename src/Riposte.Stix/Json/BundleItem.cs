using Riposte.Stix.Validation;

namespace Riposte.Stix.Json;

/// <summary>
/// One element read from a bundle, object or array: either an object or a problem (never both).
/// </summary>
/// <param name="Index">The element's position in the <c>objects</c> array (or top-level array); -1 for problems with the whole document.</param>
/// <param name="Line">The 1-based line where the element (or the problem) starts.</param>
/// <param name="Id">The object's <c>id</c> when it could be read.</param>
/// <param name="Object">The object, or null when the element was rejected.</param>
/// <param name="Problem">Why the element (or the rest of the document) was rejected; its <see cref="StixIssue.Path"/> is a JSON path such as <c>$.objects[12]</c>.</param>
public sealed record BundleItem(int Index, long Line, string? Id, StixObject? Object, StixIssue? Problem)
{
    /// <summary>The element's JSON path: <c>$.objects[12]</c> in a bundle, <c>$[12]</c> in an array, <c>$</c> for a lone object.</summary>
    public string Path { get; init; } = "$";

    /// <summary>The problem ended the document: nothing after it could be read.</summary>
    public bool EndsDocument { get; init; }

    public bool IsObject => Object is not null;

    public override string ToString() =>
        Problem is null ? $"line {Line}, {Object}" : $"line {Line}, index {Index}{(Id is null ? "" : ", " + Id)}: {Problem}";
}

/// <summary>Limits for <see cref="StixBundleReader"/>.</summary>
public sealed record StixBundleReaderOptions
{
    public static readonly StixBundleReaderOptions Default = new();

    /// <summary>The first buffer size; it doubles while one element does not fit.</summary>
    public int InitialBufferSize { get; init; } = 64 * 1024;

    /// <summary>The largest single element (or single top-level object) accepted, which bounds memory.</summary>
    public int MaxElementBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>Report a second element with the same (id, modified) as a problem instead of yielding it.</summary>
    public bool RejectDuplicates { get; init; } = true;
}
