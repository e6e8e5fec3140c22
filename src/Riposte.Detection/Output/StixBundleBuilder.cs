using System.Globalization;
using System.Text.Json.Nodes;
using Riposte.Stix;

namespace Riposte.Detection.Output;

/// <summary>
/// Expresses clusters in STIX 2.1: a user-account SCO per member (deterministic id), an
/// observed-data per strongest shared item, one grouping per cluster (context
/// suspicious-activity, label candidate-finding) and related-to relationships from the grouping
/// to the DISARM attack-patterns its behaviour matches. SDO ids are UUIDv5 over the cluster
/// content, so the same run gives the same bundle.
/// </summary>
public static class StixBundleBuilder
{
    private const int ObservedItemsPerCluster = 10;
    private static readonly Guid RiposteNamespace = new("6f1f5e0e-3c57-5c1a-9b8e-2f6d1c4a7b90");

    public static JsonObject Build(IReadOnlyList<CoordinatedCluster> clusters, DateTimeOffset generated)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        var now = Timestamp(generated);
        var objects = new JsonArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in clusters)
        {
            var refs = new List<string>();
            var accountIds = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var m in c.Members)
            {
                var sco = UserAccount(m);
                var id = (string)sco["id"]!;
                accountIds[m.AccountId] = id;
                refs.Add(id);
                if (seen.Add(id))
                    objects.Add(sco);
            }
            foreach (var item in c.SharedItems.Take(ObservedItemsPerCluster))
            {
                var itemRefs = item.Posts.Select(p => p.AccountId).Distinct(StringComparer.Ordinal)
                    .Where(accountIds.ContainsKey).Select(a => accountIds[a]).ToList();
                if (item.Signal == SignalKind.CoLink)
                {
                    var url = new JsonObject { ["type"] = "url", ["spec_version"] = "2.1", ["value"] = item.Key };
                    url["id"] = ScoIds.Compute(url);
                    var urlId = (string)url["id"]!;
                    itemRefs.Add(urlId);
                    refs.Add(urlId);
                    if (seen.Add(urlId))
                        objects.Add(url);
                }
                var observed = new JsonObject
                {
                    ["type"] = "observed-data",
                    ["spec_version"] = "2.1",
                    ["id"] = SdoId("observed-data", c.Id + "|" + SignalNames.Of(item.Signal) + "|" + item.Key + "|" + item.FirstPosted.ToUnixTimeSeconds()),
                    ["created"] = now,
                    ["modified"] = now,
                    ["first_observed"] = Timestamp(item.FirstPosted),
                    ["last_observed"] = Timestamp(item.LastPosted),
                    ["number_observed"] = item.Posts.Count,
                    ["object_refs"] = Array(itemRefs),
                    ["labels"] = Array([SignalNames.Of(item.Signal)]),
                };
                refs.Add((string)observed["id"]!);
                objects.Add(observed);
            }
            var grouping = new JsonObject
            {
                ["type"] = "grouping",
                ["spec_version"] = "2.1",
                ["id"] = SdoId("grouping", c.Id + "|" + string.Join(',', c.Members.Select(m => m.AccountId))),
                ["created"] = now,
                ["modified"] = now,
                ["name"] = $"Coordinated accounts {c.Id} ({SignalNames.Of(c.DominantSignal)})",
                ["description"] = Describe(c),
                ["context"] = "suspicious-activity",
                ["labels"] = Array(["candidate-finding"]),
                ["object_refs"] = Array(refs.Distinct(StringComparer.Ordinal)),
            };
            objects.Add(grouping);
            foreach (var t in DisarmMapping.For(c))
            {
                objects.Add(new JsonObject
                {
                    ["type"] = "relationship",
                    ["spec_version"] = "2.1",
                    ["id"] = SdoId("relationship", (string)grouping["id"]! + "|" + t.StixId),
                    ["created"] = now,
                    ["modified"] = now,
                    ["relationship_type"] = "related-to",
                    ["source_ref"] = (string)grouping["id"]!,
                    ["target_ref"] = t.StixId,
                    ["description"] = $"The cluster's behaviour matches DISARM {t.ExternalId} {t.Name}.",
                    ["external_references"] = new JsonArray(new JsonObject
                    {
                        ["source_name"] = "DISARM",
                        ["external_id"] = t.ExternalId,
                        ["url"] = t.Url,
                    }),
                });
            }
        }
        return new JsonObject
        {
            ["type"] = "bundle",
            ["id"] = SdoId("bundle", string.Join(',', clusters.Select(c => c.Id + ":" + c.Members.Count)) + "|" + now),
            ["objects"] = objects,
        };
    }

    private static JsonObject UserAccount(ClusterMember m)
    {
        var sco = new JsonObject { ["type"] = "user-account", ["spec_version"] = "2.1" };
        if (m.Platform is { Length: > 0 } platform)
            sco["account_type"] = platform.ToLowerInvariant();
        sco["user_id"] = m.AccountId;
        if (m.Handle is { Length: > 0 } handle)
            sco["account_login"] = handle;
        if (m.CreatedAt is { } created)
            sco["account_created"] = Timestamp(created);
        sco["id"] = ScoIds.Compute(sco);
        return sco;
    }

    private static string Describe(CoordinatedCluster c)
    {
        var total = c.SignalBreakdown.Values.Sum();
        var signals = string.Join(", ", c.SignalBreakdown.OrderByDescending(kv => kv.Value)
            .Select(kv => $"{SignalNames.Of(kv.Key)} {(total > 0 ? kv.Value / total : 0).ToString("P0", CultureInfo.InvariantCulture)}"));
        var created = c.Members.Where(m => m.CreatedAt is not null).Select(m => m.CreatedAt!.Value).ToList();
        var createdText = created.Count == 0 ? "creation dates unknown"
            : string.Create(CultureInfo.InvariantCulture, $"accounts created between {created.Min():yyyy-MM-dd} and {created.Max():yyyy-MM-dd}");
        var size = string.Create(CultureInfo.InvariantCulture, $"{c.Members.Count} accounts acting in concert (score {c.Score:0.00}, {c.Density:P0} of member pairs linked).");
        var items = string.Create(CultureInfo.InvariantCulture, $"{c.SharedItems.Count} items shared by two or more members between {ClustersJsonWriter.Time(c.FirstObserved)} and {ClustersJsonWriter.Time(c.LastObserved)}");
        return $"{size} Evidence by signal weight: {signals}. {items}; {createdText}. A candidate for analyst review, not a finding.";
    }

    private static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v)!)]);

    private static string SdoId(string type, string name) => StixIds.Create(type, Uuid5.Create(RiposteNamespace, type + "|" + name));

    private static string Timestamp(DateTimeOffset t) => StixTimestamp.FromDateTime(t).Text;
}
