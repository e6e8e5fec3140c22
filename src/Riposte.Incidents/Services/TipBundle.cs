using System.Text.Json;
using System.Text.Json.Nodes;
using Riposte.Stix;
using Riposte.Stix.Validation;
using Riposte.Storage;

namespace Riposte.Incidents.Services;

/// <summary>One bundle object that was not imported: where it is (JSON path), its id if it has one, and why.</summary>
public sealed record BundleObjectFailure(string Path, string? Id, string Reason);

/// <summary>What importing a tip's bundle did: the ids stored (new or already identical) and what was refused.</summary>
public sealed record BundleImport(IReadOnlyList<string> Imported, IReadOnlyList<BundleObjectFailure> Failures);

/// <summary>
/// A STIX bundle submitted with a tip, read object by object: each valid object is kept, each invalid one is
/// reported with the JSON path of the problem (<c>$.objects[3].created</c>), so one bad object never loses the rest.
/// </summary>
public sealed class TipBundle
{
    public const int MaxReported = 50;
    private const string ObjectsPath = "$.objects";

    private readonly IReadOnlyList<(StixObject Object, int Index)> _valid;

    private TipBundle(IReadOnlyList<(StixObject Object, int Index)> valid, IReadOnlyList<BundleObjectFailure> failures, int count)
    {
        _valid = valid;
        Objects = [.. valid.Select(v => v.Object)];
        Failures = failures;
        Count = count;
    }

    /// <summary>The objects that passed STIX 2.1 validation, in bundle order.</summary>
    public IReadOnlyList<StixObject> Objects { get; }

    /// <summary>The objects that did not, each with its JSON path and the reason.</summary>
    public IReadOnlyList<BundleObjectFailure> Failures { get; }

    /// <summary>How many entries the bundle's objects list holds.</summary>
    public int Count { get; }

    /// <summary>Reads a bundle; a document that is not a JSON bundle at all is one error on <paramref name="field"/>.</summary>
    public static TipBundle? Read(string text, InputErrors errors, string field)
    {
        JsonObject? bundle;
        try
        {
            bundle = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException e)
        {
            errors.Add(field, $"is not JSON: {e.Message}");
            return null;
        }
        if (bundle is null || (bundle["type"] as JsonValue)?.GetValueKind() != JsonValueKind.String || bundle["type"]!.GetValue<string>() != "bundle")
        {
            errors.Add(field, "must be a STIX bundle (a JSON object with \"type\": \"bundle\")");
            return null;
        }
        if (bundle["objects"] is not JsonArray list)
            return new TipBundle([], [], 0);

        var objects = new List<(StixObject, int)>();
        var failures = new List<BundleObjectFailure>();
        for (var i = 0; i < list.Count; i++)
        {
            var path = PathOf(i);
            if (list[i] is not JsonObject json)
            {
                failures.Add(new BundleObjectFailure(path, null, "is not a JSON object"));
                continue;
            }
            var id = (json["id"] as JsonValue)?.TryGetValue<string>(out var s) == true ? s : null;
            var errorsOfObject = StixValidator.Validate(json).Errors.ToList();
            if (errorsOfObject.Count == 0)
                objects.Add((new StixObject((JsonObject)json.DeepClone()), i));
            else
                failures.AddRange(errorsOfObject.Select(e => new BundleObjectFailure(path + e.Path.TrimStart('$'), id, e.Message)));
        }
        return new TipBundle(objects, failures, list.Count);
    }

    /// <summary>
    /// Stores the valid objects. A tip adds knowledge; it never rewrites the node's: an object whose id the store
    /// already holds in another version, or the same version with other content, is refused and reported.
    /// </summary>
    public BundleImport ImportInto(IStixStore store)
    {
        var failures = new List<BundleObjectFailure>(Failures);
        var candidates = new List<(StixObject Object, int Index)>();
        foreach (var (obj, index) in _valid)
        {
            var stored = store.GetLatest(obj.Id)?.Object;
            if (stored is not null && stored.Version?.SortKey != obj.Version?.SortKey)
                failures.Add(new BundleObjectFailure(PathOf(index), obj.Id, $"the store already holds version {stored.Version?.Text} of this object; a tip does not change existing objects"));
            else
                candidates.Add((obj, index));
        }
        var imported = new List<string>();
        if (candidates.Count > 0)
        {
            var outcomes = store.Put([.. candidates.Select(c => c.Object)]);
            for (var i = 0; i < outcomes.Count; i++)
            {
                var (obj, index) = candidates[i];
                if (outcomes[i] == WriteOutcome.Conflict)
                    failures.Add(new BundleObjectFailure(PathOf(index), obj.Id, $"the store holds version {obj.Version?.Text} of this object with other content"));
                else
                    imported.Add(obj.Id);
            }
        }
        return new BundleImport(imported, failures);
    }

    private static string PathOf(int index) => $"{ObjectsPath}[{index}]";
}
