using Riposte.Stix;
using Riposte.Stix.Json;
using Riposte.Stix.Validation;

namespace Riposte.Storage.Import;

/// <summary>The running counts of one import. The parser and the writer touch disjoint fields.</summary>
internal sealed class ImportTally(string file, int maxReported)
{
    private readonly List<ImportRejection> _rejections = [];
    private readonly List<ImportConflict> _conflicts = [];
    private long _read;
    private long _written;

    // Parser side.
    public long Read { get => Interlocked.Read(ref _read); set => Interlocked.Exchange(ref _read, value); }
    public long Rejected { get; private set; }
    public long Warnings { get; set; }
    public bool Completed { get; private set; } = true;

    // Writer side.
    public long Written => Interlocked.Read(ref _written);
    public long Added { get; private set; }
    public long Unchanged { get; private set; }
    public long Conflicts { get; private set; }

    /// <summary>A problem the reader reported: a bad element, or a fatal one that ended the document.</summary>
    public void Problem(BundleItem item)
    {
        var problem = item.Problem!;
        if (problem.Severity == IssueSeverity.Warning)
        {
            Warnings++;
            return;
        }
        if (item.EndsDocument)
            Completed = false;
        Reject(new ImportRejection(file, item.Line, item.Index, item.Id, problem.Path, problem.Message));
    }

    /// <summary>An object the validator refused: the first error names the property, the rest are summed up.</summary>
    public void Invalid(BundleItem item, ValidationResult result)
    {
        var errors = result.Errors.ToList();
        var first = errors[0];
        var reason = errors.Count == 1 ? first.Message : $"{first.Message} (and {errors.Count - 1} more)";
        Reject(new ImportRejection(file, item.Line, item.Index, item.Id, item.Path + first.Path.TrimStart('$'), reason));
    }

    public void Outcome(WriteOutcome outcome, StixObject obj, BundleItem item)
    {
        Interlocked.Increment(ref _written);
        switch (outcome)
        {
            case WriteOutcome.Added:
                Added++;
                break;
            case WriteOutcome.Unchanged:
                Unchanged++;
                break;
            default:
                Conflicts++;
                lock (_conflicts)
                {
                    if (_conflicts.Count < maxReported)
                        _conflicts.Add(new ImportConflict(file, item.Line, item.Index, obj.Id, obj.Version?.Text ?? ""));
                }
                break;
        }
    }

    public ImportSummary ToSummary(long bytesRead, TimeSpan elapsed) =>
        new(Added, Unchanged, Conflicts, Rejected, Warnings, bytesRead, elapsed, [.. _rejections], [.. _conflicts]) { Completed = Completed };

    private void Reject(ImportRejection rejection)
    {
        Rejected++;
        if (_rejections.Count < maxReported)
            _rejections.Add(rejection);
    }
}
