using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Riposte.Access;
using Riposte.Stix;
using Riposte.Storage;

namespace Riposte.Bench;

/// <summary>
/// Where a GET page's server time goes, without HTTP: the store query (rows to objects), the gate
/// (facts, referenced markings, decisions) and writing the envelope. Medians over consecutive pages.
/// </summary>
public static class TaxiiPageParts
{
    public static void Run(TaxiiBenchNode node, int pages)
    {
        var store = node.Services.GetRequiredService<IStixStore>();
        using var users = node.Services.CreateScope();
        var user = users.ServiceProvider.GetRequiredService<UserService>().GetByName("bench")!;
        var principal = new Principal(user.Id, user.OrganizationId, RoleNames.Parse(user.Role));
        var query = new StixQuery { CollectionId = TaxiiBenchNode.CollectionId, Limit = 1_001 };
        List<double> sql = [], read = [], judge = [], write = [];
        long after = 0;
        using var raw = new SqliteConnection($"Data Source={node.DbPath};Mode=ReadOnly");
        raw.Open();
        using var rawQuery = raw.CreateCommand();
        rawQuery.CommandText = RawPageSql;
        var allocated = GC.GetTotalAllocatedBytes();
        for (var i = 0; i < pages; i++)
        {
            using var scope = node.Services.CreateScope();
            var gate = scope.ServiceProvider.GetRequiredService<IAccessGate>();
            var watch = Stopwatch.StartNew();
            rawQuery.Parameters.Clear();
            rawQuery.Parameters.AddWithValue("$after", after);
            using (var reader = rawQuery.ExecuteReader())
            {
                while (reader.Read())
                    _ = reader.GetFieldValue<byte[]>(1);
            }
            sql.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            var rows = store.Query(query with { AfterSequence = after }).ToList();
            read.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            var shown = gate.ForReader(principal, rows.Select(r => r.Object).ToList());
            judge.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            var buffer = new ArrayBufferWriter<byte>(1 << 20);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartArray();
                foreach (var obj in shown.OfType<StixObject>())
                    obj.WriteTo(writer);
                writer.WriteEndArray();
            }
            write.Add(watch.Elapsed.TotalMilliseconds);
            after = rows[^1].Sequence;
        }
        var perPage = (GC.GetTotalAllocatedBytes() - allocated) / pages / 1024.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  server parts per page of 1,000 (median of {pages}): store query {Median(read):N1} ms (of which SQLite stepping the rows {Median(sql):N1} ms), gate {Median(judge):N1} ms, envelope {Median(write):N1} ms; {perPage:N0} kB allocated per page"));
    }

    // The store's latest-in-collection page query (SqliteQueryBuilder), rows read but not turned into objects.
    private const string RawPageSql = $"""
        SELECT o.seq, o.json, o.date_added FROM collection_objects c JOIN objects o ON o.seq = c.seq
        WHERE c.collection_id = '{TaxiiBenchNode.CollectionId}'
          AND (o.is_latest = 1 OR o.version_key = (SELECT max(v.version_key) FROM objects v WHERE v.id = o.id
               AND EXISTS (SELECT 1 FROM collection_objects cv WHERE cv.collection_id = '{TaxiiBenchNode.CollectionId}' AND cv.seq = v.seq)))
          AND c.seq > $after ORDER BY c.seq LIMIT 1001
        """;

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
