using Riposte.Stix;
using Riposte.Storage;

namespace Riposte.Web.Maintenance;

/// <summary>What <c>riposte copy</c> moved.</summary>
/// <param name="Versions">STIX versions written to the target.</param>
/// <param name="Memberships">Collection memberships of those versions.</param>
/// <param name="Rows">Rows copied per table of the access, federation and TAXII tables.</param>
public sealed record CopyReport(long Versions, long Memberships, IReadOnlyList<(string Table, long Rows)> Rows);

/// <summary>
/// Moves a whole node from one database to another (SQLite ↔ PostgreSQL): every STIX version with its
/// collections and its date_added (written in the source's insertion order, each stamped with its own
/// date_added), the access tables and audit log, the federation log and the TAXII statuses.
/// </summary>
public static class NodeCopier
{
    /// <exception cref="InvalidOperationException">The target holds data and <paramref name="intoNonEmpty"/> is false.</exception>
    public static CopyReport Copy(string from, string to, bool intoNonEmpty = false)
    {
        var sourceTables = NodeDatabases.For(from);
        var targetTables = NodeDatabases.For(to);
        using var source = StixStores.Factory.Open(new StoreOptions { Location = from });
        var clock = new ReplayClock();
        using var target = StixStores.Factory.Open(new StoreOptions { Location = to, Clock = clock });
        NodeMigrator.MigrateTables(sourceTables, from);
        NodeMigrator.MigrateTables(targetTables, to);

        using var sourceConnection = sourceTables.OpenConnection(from);
        using var targetConnection = targetTables.OpenConnection(to);
        if (!intoNonEmpty)
            RefuseNonEmpty(target, targetConnection, to);

        var rows = new List<(string, long)>();
        using (var transaction = targetConnection.BeginTransaction())
        {
            foreach (var table in TableCopier.Tables)
                rows.Add((table, TableCopier.Copy(sourceConnection, targetConnection, transaction, table)));
            transaction.Commit();
        }
        targetTables.RealignKeyGenerators(targetConnection);

        var collections = sourceTables.OpenAccess(from).Collections.List().Select(c => c.Id).ToList();
        var (versions, memberships) = CopyVersions(source, target, clock, collections);
        return new CopyReport(versions, memberships, rows);
    }

    private static void RefuseNonEmpty(IStixStore target, System.Data.Common.DbConnection connection, string to)
    {
        var versions = target.Stats().Versions;
        var filled = TableCopier.Tables.Where(t => TableCopier.CountRows(connection, t) > 0).ToList();
        if (versions > 0 || filled.Count > 0)
        {
            var what = versions > 0 ? [$"{versions} STIX version(s)", .. filled] : filled;
            throw new InvalidOperationException(
                $"copy: the target '{StoreFactory.Redact(to)}' is not empty ({string.Join(", ", what)}); pass --into-non-empty to merge into it (rows it holds already are kept as they are)");
        }
    }

    /// <summary>
    /// Every version in source insertion order, one write per run of versions that share a date_added (a
    /// store keeps date_added increasing per commit, so a run must not be split), then each collection's
    /// versions joined to it; writing a stored version again changes nothing but the membership.
    /// </summary>
    private static (long Versions, long Memberships) CopyVersions(IStixStore source, IStixStore target, ReplayClock clock, IReadOnlyList<string> collections)
    {
        long versions = 0, memberships = 0;
        var run = new List<StixObject>();
        foreach (var stored in source.Query(new StixQuery { Versions = VersionFilter.All }))
        {
            var at = ToMicroseconds(stored.DateAdded);
            if (run.Count > 0 && at != clock.Now)
                versions += Write(target, run, null);
            clock.Now = at;
            run.Add(stored.Object);
        }
        versions += Write(target, run, null);
        foreach (var collection in collections)
        {
            foreach (var chunk in source.Query(new StixQuery { CollectionId = collection, Versions = VersionFilter.All }).Select(s => s.Object).Chunk(1_000))
                memberships += Write(target, [.. chunk], collection);
        }
        return (versions, memberships);
    }

    private static int Write(IStixStore target, List<StixObject> objects, string? collection)
    {
        var count = objects.Count;
        if (count > 0)
            target.Put(objects.ToList(), collection);
        objects.Clear();
        return count;
    }

    /// <summary>PostgreSQL keeps date_added to the microsecond and rounds finer ticks: truncating first gives both providers the same value.</summary>
    private static DateTimeOffset ToMicroseconds(DateTimeOffset at) => at.AddTicks(-(at.UtcTicks % 10));
}
