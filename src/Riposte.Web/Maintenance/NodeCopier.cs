using Riposte.Stix;
using Riposte.Storage;
using Riposte.Storage.Sqlite;

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
    private const int BatchSize = 1_000;

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

    /// <summary>Every version in source insertion order, in runs that share a date_added and a first collection; further collections after.</summary>
    private static (long Versions, long Memberships) CopyVersions(IStixStore source, IStixStore target, ReplayClock clock, IReadOnlyList<string> collections)
    {
        var membership = new Dictionary<(string Id, string? Version), List<string>>();
        foreach (var collection in collections)
        {
            foreach (var stored in source.Query(new StixQuery { CollectionId = collection, Versions = VersionFilter.All }))
            {
                var key = (stored.Object.Id, stored.Object.Version?.Text);
                if (!membership.TryGetValue(key, out var list))
                    membership[key] = list = [];
                list.Add(collection);
            }
        }
        long versions = 0, memberships = 0;
        var run = new List<StixObject>(BatchSize);
        (DateTimeOffset At, string? Collection) runKey = default;
        var extra = new List<(StixObject Object, string Collection, DateTimeOffset At)>();
        void Flush()
        {
            if (run.Count == 0)
                return;
            clock.Now = runKey.At;
            target.Put(run, runKey.Collection);
            versions += run.Count;
            memberships += runKey.Collection is null ? 0 : run.Count;
            run.Clear();
        }
        foreach (var stored in source.Query(new StixQuery { Versions = VersionFilter.All }))
        {
            var inCollections = membership.GetValueOrDefault((stored.Object.Id, stored.Object.Version?.Text));
            var key = (stored.DateAdded, inCollections?[0]);
            if (run.Count == BatchSize || (run.Count > 0 && key != runKey))
                Flush();
            runKey = key;
            run.Add(stored.Object);
            foreach (var more in inCollections?.Skip(1) ?? [])
                extra.Add((stored.Object, more, stored.DateAdded));
        }
        Flush();
        foreach (var (obj, collection, at) in extra)
        {
            clock.Now = at;
            target.Put([obj], collection);
            memberships++;
        }
        return (versions, memberships);
    }
}
