using System.Globalization;
using Riposte.Access;
using Riposte.Stix;
using Riposte.Stix.Validation;
using Riposte.Storage;
using Riposte.Storage.Taxii;

namespace Riposte.Taxii.Posting;

/// <summary>
/// Validates and stores the objects of one POST and records the outcome as a status resource:
/// invalid objects become failures with the JSON path and reason, the valid ones are stored.
/// </summary>
/// <remarks>
/// The valid objects go to the store in chunks, and the next chunk is validated (and serialised) while
/// the store writes the previous one, so a large envelope keeps both cores busy instead of validating
/// everything and then writing everything.
/// </remarks>
public sealed class ObjectIngestor(IStixStore store, ITaxiiStatusStore statuses, TimeProvider time)
{
    /// <summary>Objects per store write: small enough to overlap, large enough that a transaction pays.</summary>
    internal const int ChunkSize = 250;

    public async Task<TaxiiStatus> IngestAsync(Principal principal, string collectionId, IReadOnlyList<EnvelopeEntry> items)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(items);
        var requested = time.GetUtcNow();
        var invalid = new List<TaxiiStatusDetail>();
        var successes = new List<TaxiiStatusDetail>(items.Count);
        var conflicts = new List<TaxiiStatusDetail>();
        var chunk = new List<StixObject>(ChunkSize);
        Task? writing = null;

        for (var i = 0; i < items.Count; i++)
        {
            if (Validate(items[i], i, invalid) is not { } obj)
                continue;
            chunk.Add(obj);
            if (chunk.Count < ChunkSize)
                continue;
            if (writing is not null)
                await writing.ConfigureAwait(false);
            var full = chunk;
            writing = Task.Run(() => Write(full, collectionId, successes, conflicts));
            chunk = new List<StixObject>(ChunkSize);
        }
        if (writing is not null)
            await writing.ConfigureAwait(false);
        if (chunk.Count > 0)
            Write(chunk, collectionId, successes, conflicts);

        var status = new TaxiiStatus
        {
            Id = Guid.NewGuid().ToString(),
            OwnerUserId = principal.UserId,
            CollectionId = collectionId,
            RequestTimestamp = requested,
            Successes = successes,
            Failures = [.. invalid, .. conflicts],
        };
        statuses.Save(status);
        return status;
    }

    /// <summary>The object when it is valid (its bytes are stored as received); otherwise its failure is added.</summary>
    private static StixObject? Validate(EnvelopeEntry item, int index, List<TaxiiStatusDetail> failures)
    {
        var where = string.Create(CultureInfo.InvariantCulture, $"$.objects[{index}]");
        if (item.Object is not { } obj)
        {
            failures.Add(new TaxiiStatusDetail("", "", $"{where}: {item.Problem}"));
            return null;
        }
        var result = StixValidator.Validate(obj);
        if (result.IsValid)
            return obj;
        var reasons = result.Errors.Select(e => $"{where}{RelativePath(e.Path)}: {e.Message}");
        failures.Add(new TaxiiStatusDetail(obj.Id, VersionOf(obj), string.Join("; ", reasons)));
        return null;
    }

    private void Write(List<StixObject> objects, string collectionId, List<TaxiiStatusDetail> successes, List<TaxiiStatusDetail> conflicts)
    {
        var outcomes = store.Put(objects, collectionId);
        for (var i = 0; i < objects.Count; i++)
        {
            var obj = objects[i];
            switch (outcomes[i])
            {
                case WriteOutcome.Added:
                    successes.Add(new TaxiiStatusDetail(obj.Id, VersionOf(obj)));
                    break;
                case WriteOutcome.Unchanged:
                    successes.Add(new TaxiiStatusDetail(obj.Id, VersionOf(obj), "already stored; nothing changed"));
                    break;
                default:
                    conflicts.Add(new TaxiiStatusDetail(obj.Id, VersionOf(obj),
                        "a different object with this id and version is already stored; the first one stands (post a new version with a later 'modified')"));
                    break;
            }
        }
    }

    private static string VersionOf(StixObject obj) => obj.Version?.Text ?? "";

    /// <summary>Validator paths are rooted at the object ("$.created"); make them relative to the envelope entry.</summary>
    private static string RelativePath(string path) =>
        path.StartsWith('$') ? path[1..] : (path.Length > 0 ? "." + path : "");
}
