using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Riposte.Detection.Output;

/// <summary>
/// Writes clusters.json: every cluster with its score, members, signal breakdown, DISARM
/// techniques and shared items. Each cluster also lists <c>accounts</c>, so score_cib.py can read
/// the file as well as the CSV.
/// </summary>
public static class ClustersJsonWriter
{
    public static void Write(Stream stream, IReadOnlyList<CoordinatedCluster> clusters, DetectionStatistics? statistics = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(clusters);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        if (statistics is not null)
        {
            w.WriteNumber("posts", statistics.Posts);
            w.WriteNumber("accounts", statistics.Accounts);
        }
        w.WriteStartArray("clusters");
        foreach (var c in clusters)
            WriteCluster(w, c);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteCluster(Utf8JsonWriter w, CoordinatedCluster c)
    {
        w.WriteStartObject();
        w.WriteString("cluster_id", c.Id);
        w.WriteNumber("score", c.Score);
        w.WriteNumber("size", c.Members.Count);
        w.WriteNumber("density", c.Density);
        w.WriteString("first_observed", Time(c.FirstObserved));
        w.WriteString("last_observed", Time(c.LastObserved));
        w.WriteString("dominant_signal", SignalNames.Of(c.DominantSignal));
        w.WriteStartObject("signals");
        foreach (var (kind, weight) in c.SignalBreakdown.OrderByDescending(kv => kv.Value))
            w.WriteNumber(SignalNames.Of(kind), weight);
        w.WriteEndObject();
        w.WriteStartArray("techniques");
        foreach (var t in DisarmMapping.For(c))
        {
            w.WriteStartObject();
            w.WriteString("external_id", t.ExternalId);
            w.WriteString("name", t.Name);
            w.WriteString("stix_id", t.StixId);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("accounts");
        foreach (var m in c.Members)
            w.WriteStringValue(m.AccountId);
        w.WriteEndArray();
        w.WriteStartArray("members");
        foreach (var m in c.Members)
        {
            w.WriteStartObject();
            w.WriteString("account_id", m.AccountId);
            if (m.Handle is not null)
                w.WriteString("handle", m.Handle);
            if (m.CreatedAt is { } created)
                w.WriteString("created_at", Time(created));
            w.WriteNumber("posts", m.Posts);
            w.WriteNumber("strength", m.Strength);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("shared_items");
        foreach (var item in c.SharedItems)
        {
            w.WriteStartObject();
            w.WriteString("signal", SignalNames.Of(item.Signal));
            w.WriteString("key", item.Key);
            w.WriteNumber("accounts", item.AccountCount);
            w.WriteString("first_posted", Time(item.FirstPosted));
            w.WriteString("last_posted", Time(item.LastPosted));
            w.WriteStartArray("posts");
            foreach (var p in item.Posts)
            {
                w.WriteStartObject();
                w.WriteString("post_id", p.PostId);
                w.WriteString("account_id", p.AccountId);
                w.WriteString("time", Time(p.Time));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    internal static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
