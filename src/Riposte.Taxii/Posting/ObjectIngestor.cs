using System.Globalization;
using System.Text.Json.Nodes;
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
public sealed class ObjectIngestor(IStixStore store, ITaxiiStatusStore statuses, TimeProvider time)
{
    public TaxiiStatus Ingest(Principal principal, string collectionId, IReadOnlyList<JsonNode?> items)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(items);
        var requested = time.GetUtcNow();
        var failures = new List<TaxiiStatusDetail>();
        var valid = new List<StixObject>(items.Count);

        for (var i = 0; i < items.Count; i++)
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"$.objects[{i}]");
            if (items[i] is not JsonObject json)
            {
                failures.Add(new TaxiiStatusDetail("", "", $"{where}: a STIX object must be a JSON object"));
                continue;
            }
            var obj = new StixObject(json);
            var result = StixValidator.Validate(obj);
            if (result.IsValid)
            {
                valid.Add(obj);
                continue;
            }
            var reasons = result.Errors.Select(e => $"{where}{RelativePath(e.Path)}: {e.Message}");
            failures.Add(new TaxiiStatusDetail(obj.Id, VersionOf(obj), string.Join("; ", reasons)));
        }

        var successes = new List<TaxiiStatusDetail>(valid.Count);
        if (valid.Count > 0)
        {
            var outcomes = store.Put(valid, collectionId);
            for (var i = 0; i < valid.Count; i++)
            {
                var obj = valid[i];
                switch (outcomes[i])
                {
                    case WriteOutcome.Added:
                        successes.Add(new TaxiiStatusDetail(obj.Id, VersionOf(obj)));
                        break;
                    case WriteOutcome.Unchanged:
                        successes.Add(new TaxiiStatusDetail(obj.Id, VersionOf(obj), "already stored; nothing changed"));
                        break;
                    default:
                        failures.Add(new TaxiiStatusDetail(obj.Id, VersionOf(obj),
                            "a different object with this id and version is already stored; the first one stands (post a new version with a later 'modified')"));
                        break;
                }
            }
        }

        var status = new TaxiiStatus
        {
            Id = Guid.NewGuid().ToString(),
            OwnerUserId = principal.UserId,
            CollectionId = collectionId,
            RequestTimestamp = requested,
            Successes = successes,
            Failures = failures,
        };
        statuses.Save(status);
        return status;
    }

    private static string VersionOf(StixObject obj) => obj.Version?.Text ?? "";

    /// <summary>Validator paths are rooted at the object ("$.created"); make them relative to the envelope entry.</summary>
    private static string RelativePath(string path) =>
        path.StartsWith('$') ? path[1..] : (path.Length > 0 ? "." + path : "");
}
